package dev.corssuite.suite.run;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.runner.Staged;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.nio.file.Path;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

public class CaseStagerTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");
    private OriginFleet fleet;
    private CaseTable table;

    @BeforeClass
    public void start() {
        fleet = OriginFleet.builder().pages(FIXTURES.resolve("pages")).start();
        table = CaseTable.load(FIXTURES);
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        fleet.close();
    }

    @Test
    public void rowsThatWaitSayHowLong() {
        assertEquals(CaseStager.waits(table.byId("get-acao-exact")), 0);
        assertEquals(CaseStager.waits(table.byId("cache-default-max-age-expires")), 6000);
        assertEquals(CaseStager.waits(table.byId("xhr-timeout")), 2500, "the slow answer, until the page gives up");
        assertEquals(CaseStager.waits(table.byId("slow-answer-times-out")), 0, "runs alone, waits on its own");
        assertTrue(table.cases().stream().filter(c -> c.request().spec().api()
                == dev.corssuite.suite.request.Initiator.BEACON).allMatch(c -> CaseStager.waits(c) >= 1000),
                "a beacon waits for the page's settling time");
    }

    @Test
    public void placeholdersBecomeTheRolesOrigins() {
        CaseStager stager = new CaseStager(fleet);
        assertEquals(stager.fill("{origin:page}"), fleet.origin(OriginRole.PAGE));
        assertEquals(stager.fill("{origin:cross-host}, x"), fleet.origin(OriginRole.CROSS_HOST) + ", x");
        assertEquals(stager.fill("*"), "*");
        String page = fleet.origin(OriginRole.PAGE);
        assertEquals(stager.fill("http://X:{port:page}"), "http://X:" + page.substring(page.lastIndexOf(':') + 1));
        assertEquals(stager.fill("u@{host:page}"), "u@" + page.substring("http://".length()));
    }

    @Test
    public void eachRoleAnswersAsTheRowSaysAndEndpointPlaceholdersNameTheCaseToken() {
        Staged staged = new CaseStager(fleet).stage(table.byId("redirect-cross-origin-hops-allow-star"));
        var first = fleet.answers().lookup(staged.probe().id(), OriginRole.CROSS_PORT).orElseThrow().actual();
        var second = fleet.answers().lookup(staged.probe().id(), OriginRole.CROSS_HOST).orElseThrow().actual();
        assertEquals(first.status(), 302);
        assertEquals(first.headers().get(0).value(), fleet.endpointUrl(OriginRole.CROSS_HOST, staged.probe().id()));
        assertEquals(second.status(), 200);
        assertEquals(fleet.answers().lookup(staged.probe().id(), OriginRole.PAGE).orElseThrow().actual().status(), 200);
    }

    @Test
    public void eachStagingGetsAFreshTokenAndUrlOnTheTargetRole() {
        CorsCase row = table.byId("get-acao-exact");
        CaseStager stager = new CaseStager(fleet);
        Staged first = stager.stage(row);
        Staged second = stager.stage(row);
        assertNotEquals(first.probe().id(), second.probe().id());
        assertTrue(first.probe().url().startsWith(fleet.origin(OriginRole.CROSS_PORT) + "/cors/get-acao-exact-"));
        assertNull(first.probe().frameOrigin());
        assertEquals(fleet.answers().lookup(first.probe().id(), OriginRole.CROSS_PORT).orElseThrow().actual().headers().get(0).value(),
                fleet.origin(OriginRole.PAGE));
        first.release().run();
        assertTrue(fleet.answers().lookup(first.probe().id(), OriginRole.CROSS_PORT).isEmpty());
    }
}
