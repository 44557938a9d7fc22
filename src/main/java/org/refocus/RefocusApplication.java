package org.refocus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RefocusApplication {
    public static void main(String[] args) {
        SpringApplication.run(RefocusApplication.class, args);
    }
}
