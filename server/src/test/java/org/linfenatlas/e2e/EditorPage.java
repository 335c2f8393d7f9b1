package org.linfenatlas.e2e;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What an editor does on the map page: sign in, open a project, edit its fields, save. */
final class EditorPage {
    final MapPage page;

    EditorPage(MapPage page) {
        this.page = page;
    }

    EditorPage signIn(String name, String password) {
        page.find("[data-sign-in]").click();
        page.waitFor(d -> page.count("dialog.sign-in-dialog[open]") == 1);
        page.find("dialog input[name=username]").sendKeys(name);
        page.find("dialog input[name=password]").sendKeys(password, Keys.ENTER);
        page.waitFor(d -> page.count("[data-account]") == 1);
        return this;
    }

    /** Opens the page with the project selected, its card showing. */
    EditorPage openProject(String id) {
        page.open("#sel=project:" + RunningJar.enc(id));
        awaitCard(id);
        return this;
    }

    void awaitCard(String id) {
        page.waitFor(d -> page.count(".project-card[data-id='" + id + "']") == 1);
    }

    EditorPage edit() {
        page.find(".project-card [data-edit]").click();
        page.waitFor(d -> page.count(".project-editor") == 1);
        return this;
    }

    WebElement field(String name) {
        return page.find(".project-editor [name='" + name + "']");
    }

    EditorPage type(String name, String text) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    void save() {
        page.find(".project-editor [data-save]").click();
    }

    /** Saves and waits until the editor has closed on the saved card. */
    void saveAndWait(String id) {
        save();
        page.waitFor(Duration.ofSeconds(15), d -> page.count(".project-editor") == 0);
        awaitCard(id);
    }

    String fieldError(String name) {
        return page.text(".project-editor .field-" + name + " .field-error");
    }

    boolean isDisplayed(String css) {
        return !page.driver.findElements(By.cssSelector(css)).isEmpty() && page.find(css).isDisplayed();
    }
}
