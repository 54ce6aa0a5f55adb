package dev.backlight.time.interruptions;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;

@ApplicationScoped
class InterruptionRepository implements PanacheRepository<Interruption> {
}
