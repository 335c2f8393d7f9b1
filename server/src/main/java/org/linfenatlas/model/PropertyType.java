package org.linfenatlas.model;

/** Storage type of a layer property; JSON holds arrays and objects. */
public enum PropertyType {
    STRING("string"), INTEGER("integer"), NUMBER("number"), JSON_ARRAY("array"), JSON_OBJECT("object");

    private final String jsonSchemaType;

    PropertyType(String jsonSchemaType) {
        this.jsonSchemaType = jsonSchemaType;
    }

    public String jsonSchemaType() {
        return jsonSchemaType;
    }

    public boolean isJson() {
        return this == JSON_ARRAY || this == JSON_OBJECT;
    }
}
