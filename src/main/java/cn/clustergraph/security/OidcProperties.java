package cn.clustergraph.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional single sign-on with the organisation's OpenID Connect provider ({@code clustergraph.security.oidc.*}): off
 * while {@code issuer-uri} is empty. A provider's user signs in as the local user named by {@code username-claim}.
 */
@ConfigurationProperties("clustergraph.security.oidc")
public record OidcProperties(@DefaultValue("") String issuerUri, @DefaultValue("") String clientId,
                             @DefaultValue("") String clientSecret, @DefaultValue("preferred_username") String usernameClaim) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
