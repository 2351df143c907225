// The failure names the test, what was expected and what the budget really was.
def log = new File(basedir, 'build.log').text
['BigOrderMomentTest.aBigOrderEarnsOneAwardAndTheBudgetPaysForItsClaim', 'the budget left after the claim',
 '90.00', '95.00'].each { expected ->
    assert log.contains(expected): "the failure report does not say '${expected}'"
}
return true
