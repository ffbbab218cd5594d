package cn.clustergraph.security;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login}: the sign-in page of the static UI ({@code static/login.html}). */
@Controller
@Hidden
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }
}
