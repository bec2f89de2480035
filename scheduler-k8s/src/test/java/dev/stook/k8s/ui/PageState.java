package dev.stook.k8s.ui;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.Map;

/**
 * What the page shows, read in one go so that a redraw cannot fall between two readings: per queue the text of
 * its pending-pod count and of each number beside its bars ({@code "batch/cpu" -> "holds 6"},
 * {@code "research/guaranteed"} for cpu's guarantee), and the text of the units' and the cycles' tables.
 */
record PageState(Map<String, String> cells, String units, String cycles, String status) {
    private static final String READ = """
            const cells = {};
            for (const row of document.querySelectorAll('#queues tbody tr')) {
              const queue = row.dataset.queue;
              cells[queue + '/pending-pods'] = row.querySelector('.pending-pods').textContent;
              for (const cell of row.querySelectorAll('td.resource')) {
                cells[queue + '/' + cell.dataset.resource] = cell.querySelector('.n-allocated').textContent;
                if (cell.dataset.resource === 'cpu') {
                  cells[queue + '/guaranteed'] = cell.querySelector('.n-guaranteed').textContent;
                  cells[queue + '/fair-share'] = cell.querySelector('.n-fair-share').textContent;
                }
              }
            }
            return {cells: cells, units: document.querySelector('#units tbody').textContent,
                    cycles: document.querySelector('#cycles tbody').textContent,
                    status: document.getElementById('status').textContent};
            """;

    @SuppressWarnings("unchecked")
    static PageState read(WebDriver driver) {
        Map<String, Object> state = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(READ);
        return new PageState((Map<String, String>) state.get("cells"), (String) state.get("units"),
                (String) state.get("cycles"), (String) state.get("status"));
    }
}
