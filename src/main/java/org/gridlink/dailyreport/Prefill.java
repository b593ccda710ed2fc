package org.gridlink.dailyreport;

/**
 * A figure GridLink fills in from its own data, read through the owning module's public API for the place and day:
 * households screened that day (screening), people under home quarantine now (quarantine), cases reported that day
 * (cases). Only an integer field can be pre-filled.
 */
@org.springframework.modulith.NamedInterface("api")
public enum Prefill {
	SCREENED_HOUSEHOLDS, HOME_QUARANTINE, NEW_CASES
}
