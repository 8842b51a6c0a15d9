package example.corsapp;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;

/**
 * The app's CORS in three profiles: {@code correct} (what cors-policy.yaml says), {@code any-origin-credentials}
 * (allowedOriginPatterns("*") with credentials: every origin is echoed, credentials allowed) and
 * {@code security-first} (CORS as a servlet filter behind Spring Security, which answers the preflight with 401).
 */
@Configuration
class CorsProfiles {

    static CorsConfiguration policy() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("https://app.example.com"));
        cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
        cors.setAllowedHeaders(List.of("Content-Type", "X-Api-Key"));
        cors.setExposedHeaders(List.of("X-Total-Count"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(600L);
        return cors;
    }

    static UrlBasedCorsConfigurationSource source(CorsConfiguration cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** Spring Security's {@code cors()} uses the bean of exactly this name. */
    @Bean(name = "corsConfigurationSource")
    @Profile("correct")
    CorsConfigurationSource correctCors() {
        return source(policy());
    }

    @Bean(name = "corsConfigurationSource")
    @Profile("any-origin-credentials")
    CorsConfigurationSource anyOriginCors() {
        CorsConfiguration cors = policy();
        cors.setAllowedOrigins(null);
        cors.setAllowedOriginPatterns(List.of("*"));
        return source(cors);
    }

    /** CORS inside Spring Security: a preflight is answered before authentication. */
    @Bean
    @Profile("!security-first & !security-first-cors-line")
    SecurityFilterChain corsFirst(HttpSecurity http) throws Exception {
        return http.cors(Customizer.withDefaults()).csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    /** Everything needs a login, and CORS is a plain filter that runs after Spring Security's chain. */
    @Bean
    @Profile("security-first")
    SecurityFilterChain authenticationFirst(HttpSecurity http) throws Exception {
        return http.cors(cors -> cors.disable()).csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated()).httpBasic(Customizer.withDefaults())
                .build();
    }

    /**
     * security-first after the one line the suite's Spring fix suggests for its own chain (http.cors(...) instead of
     * disabling it); the CORS configuration then comes from the suggested classes (SuggestedFixTest).
     */
    @Bean
    @Profile("security-first-cors-line")
    SecurityFilterChain authenticationFirstWithCors(HttpSecurity http) throws Exception {
        return http.cors(Customizer.withDefaults()).csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated()).httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    @Profile("security-first")
    FilterRegistrationBean<Filter> corsAfterSecurity() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CorsFilter(source(policy())));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
