package org.linfenatlas.model;

public record PropertySpec(String name, PropertyType type, String description) {
    public static PropertySpec string(String name, String description) {
        return new PropertySpec(name, PropertyType.STRING, description);
    }

    public static PropertySpec integer(String name, String description) {
        return new PropertySpec(name, PropertyType.INTEGER, description);
    }

    public static PropertySpec number(String name, String description) {
        return new PropertySpec(name, PropertyType.NUMBER, description);
    }

    public static PropertySpec array(String name, String description) {
        return new PropertySpec(name, PropertyType.JSON_ARRAY, description);
    }

    public static PropertySpec object(String name, String description) {
        return new PropertySpec(name, PropertyType.JSON_OBJECT, description);
    }
}
