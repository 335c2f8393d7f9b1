package org.linfenatlas.filter;

/** The types a CQL2 expression can have here: the layers hold no booleans or temporal values, but literals may be booleans. */
public enum ValueType {
    STRING("string"), NUMBER("number"), BOOLEAN("boolean"), STRING_ARRAY("array of strings"), GEOMETRY("geometry");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** How error messages name the type. */
    public String label() {
        return label;
    }

    /** Whether values of the type are compared with =, <, LIKE, IN and the like. */
    public boolean isScalar() {
        return this == STRING || this == NUMBER || this == BOOLEAN;
    }
}
