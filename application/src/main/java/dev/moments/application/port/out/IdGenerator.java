package dev.moments.application.port.out;

/** Chooses server ids: opaque, unguessable strings that start with a type prefix such as {@code mom_}. */
@FunctionalInterface
public interface IdGenerator {

    /** A new id starting with {@code prefix}. */
    String next(String prefix);
}
