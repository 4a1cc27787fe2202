package de.bochum.portal.services;

/** An office of the city (or a partner such as the USB) responsible for services. */
public record Dienststelle(String slug, String name, String email, String phone, String website) {
}
