package de.bochum.portal.content.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who runs this portal, for the Impressum and the contact page. Another municipality sets its
 * own values ({@code PORTAL_OPERATOR_NAME} and so on); the defaults are the city of Bochum's.
 */
@ConfigurationProperties("portal.operator")
public record OperatorProperties(@DefaultValue("Stadt Bochum") String name,
		@DefaultValue("Der Oberbürgermeister") String representedBy,
		@DefaultValue("Willy-Brandt-Platz 2–6") String street, @DefaultValue("44777 Bochum") String city,
		@DefaultValue("0234 910-0") String phone, @DefaultValue("") String email) {
}
