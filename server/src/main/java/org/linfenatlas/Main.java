package org.linfenatlas;

public final class Main {
    public static void main(String[] args) {
        System.out.println("Linfen Atlas");
    }
}
