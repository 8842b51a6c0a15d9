package example.corsapp;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
class ItemsController {
    @RequestMapping(path = "/api/items", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH})
    ResponseEntity<Map<String, List<String>>> items() {
        return ResponseEntity.ok().header("X-Total-Count", "0").body(Map.of("items", List.of()));
    }
}
