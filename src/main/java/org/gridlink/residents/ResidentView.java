package org.gridlink.residents;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A resident as pages, API and exports show them: ID number and phone always masked. */
@org.springframework.modulith.NamedInterface("api")
public record ResidentView(long id, String name, String idNumber, @Nullable String phone, String gridCode,
		@Nullable Long householdId, String address, List<String> tags, String status, @Nullable LocalDate birthDate,
		@Nullable Integer gender) {
}
