package cn.clustergraph.security;

import cn.clustergraph.account.SignIn;
import cn.clustergraph.account.UserAccount;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The sign-in form's user name and password, checked by {@link SignIn} (lockout, log, audit). */
class FormSignInProvider implements AuthenticationProvider {

    private final SignIn signIn;

    FormSignInProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        Object credentials = authentication.getCredentials();
        UserAccount user = signIn.authenticate(authentication.getName(), credentials == null ? null : credentials.toString(),
                address, "form");
        UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(user));
        done.setDetails(authentication.getDetails());
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
