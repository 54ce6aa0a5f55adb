package dev.backlight.time.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.time.domain.Interruption;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;

@ApplicationScoped
public class InterruptionRepository implements PanacheRepository<Interruption> {
}
