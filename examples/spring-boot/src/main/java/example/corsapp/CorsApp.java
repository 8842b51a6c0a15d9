package example.corsapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An API at /api/items whose CORS comes from the active profile (see CorsProfiles). */
@SpringBootApplication
public class CorsApp {
    public static void main(String[] args) {
        SpringApplication.run(CorsApp.class, args);
    }
}
