package cn.clustergraph.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;


/** Signs a browser in through the app's own sign-in page (/login), as a person would. */
final class SignInPage {

    private SignInPage() {
    }

    static void signIn(WebDriver driver, String base, String username, String password) {
        driver.get(base + "login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        HeadlessChromium.waitFor(driver, 20).until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
