package dev.stook.k8s.ui;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.HeadlessChromium;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page of {@code stook run} in a real browser, on the scheduler's secure port in front of a real API
 * server: the viewer signs in with a bearer token, sees the queue and a gang that cannot fit with its reason,
 * opens its explanation from the keyboard (it stays open, and focused, as the page redraws), and the page
 * follows the gang's binding once a node joins. The gang's name is HTML, and is shown as text.
 */
class ClusterPageBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HOSTILE = "<img src=x onerror=\"document.title='owned'\"><b>train</b>";
    @RegisterExtension
    final RealCluster cluster = new RealCluster();
    private HeadlessChromium browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSignedInViewerSeesTheWaitingGangAndThenItsBinding() {
        cluster.node("n1", "4", "16Gi");
        cluster.create("blocker", "3");
        cluster.createGangMember("train-0", "2", HOSTILE, 2);
        cluster.createGangMember("train-1", "2", HOSTILE, 2);
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.isBound("blocker") && cluster.podScheduled("train-0").isPresent());
        browser = HeadlessChromium.start();

        browser.open("https://localhost:" + scheduler.healthPort() + PageHandler.PATH);
        browser.until(driver -> browser.find("#login").isDisplayed());
        browser.find("#token").sendKeys(cluster.controlPlane().adminToken());
        browser.find("#login button").click();
        browser.until(driver -> PageState.read(driver).units().contains(HOSTILE));
        browser.screenshot("cluster-gang-waiting");

        PageState waiting = PageState.read(browser.driver());
        assertThat(waiting.cells()).containsEntry("default/cpu", "holds 3").containsEntry("default/pending-pods", "2");
        assertThat(waiting.units()).contains("Unschedulable", "Insufficient cpu", "2 created, 0 placeable, 0 placed; needs 2",
                "train-0, train-1");
        WebElement gang = browser.find("#units tbody th.unit-name");
        assertThat(gang.getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver().findElements(By.cssSelector("main img, main b"))).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Stook: queues, gangs and pending pods");

        WebElement reason = browser.find("#units tbody summary");
        reason.sendKeys(Keys.ENTER);
        browser.until(driver -> browser.find("#units tbody details dl").getText().contains("Insufficient cpu"));
        String before = PageState.read(browser.driver()).status();
        browser.until(driver -> !PageState.read(driver).status().equals(before));
        assertThat(browser.find("#units tbody details").getDomProperty("open")).as("open across a redraw")
                .isEqualTo("true");
        assertThat(browser.driver().switchTo().activeElement().getText()).as("focus kept across a redraw")
                .isEqualTo("Unschedulable");
        browser.screenshot("cluster-gang-explained");

        cluster.node("n2", "4", "16Gi");
        browser.until(driver -> "holds 7".equals(PageState.read(driver).cells().get("default/cpu")));
        browser.screenshot("cluster-gang-bound");

        assertThat(cluster.isBound("train-0")).isTrue();
        assertThat(PageState.read(browser.driver()).units()).doesNotContain("train");
        assertThat(browser.driver().getTitle()).isEqualTo("Stook: queues, gangs and pending pods");
    }
}
