/**
 * A miniature of the Moments layout that follows every architecture rule. {@code RulesBiteTest} applies the
 * production rule definitions to it and expects all of them to pass, showing the rules are not stricter than
 * intended. Never imported together with the production code.
 */
package dev.moments.architecture.conforming;
