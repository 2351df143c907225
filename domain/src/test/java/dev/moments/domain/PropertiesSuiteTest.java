package dev.moments.domain;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every jqwik {@code *Properties} class of the domain. Surefire only picks classes named like tests
 * ({@code *Test}, {@code *Tests}, {@code Test*}, {@code *TestCase}), so property classes are reached through this suite.
 * jqwik's settings are in {@code junit-platform.properties}.
 */
@Suite
@SuiteDisplayName("domain properties")
@IncludeEngines("jqwik")
@SelectPackages("dev.moments.domain")
@IncludeClassNamePatterns(".*Properties$")
class PropertiesSuiteTest {
}
