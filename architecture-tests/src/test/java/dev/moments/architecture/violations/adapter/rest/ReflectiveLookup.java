package dev.moments.architecture.violations.adapter.rest;

/** Violates native rule 2: a class looked up by name at run time, which nobody registered. */
public final class ReflectiveLookup {

    private ReflectiveLookup() {
    }

    static Object create(String name) throws ReflectiveOperationException {
        return Class.forName(name).getDeclaredConstructor().newInstance();
    }
}
