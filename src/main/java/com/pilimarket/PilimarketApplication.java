package com.pilimarket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Pilimarket: a play-money prediction market for the Philippines, served as one jar. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class PilimarketApplication {

    public static void main(String[] args) {
        SpringApplication.run(PilimarketApplication.class, args);
    }
}
