/**
 * Deliberately broken fixture: a miniature of the Moments layout in which every architecture rule is violated once.
 * {@code RulesBiteTest} applies the production rule definitions to this package and expects each to fail.
 * Never imported together with the production code.
 */
package dev.moments.architecture.violations;
