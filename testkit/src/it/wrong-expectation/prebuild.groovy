// The README example's test, with the budget expected after the claim made wrong (90.00 instead of 95.00).
def test = 'src/test/java/com/example/shop/BigOrderMomentTest.java'
def source = new File(basedir, '../readme-example/' + test).text
def wrong = source.replace('.isEqualByComparingTo("95.00")', '.isEqualByComparingTo("90.00")')
assert wrong != source: 'the expectation to break is no longer in the README example'
def target = new File(basedir, test)
target.parentFile.mkdirs()
target.text = wrong
return true
