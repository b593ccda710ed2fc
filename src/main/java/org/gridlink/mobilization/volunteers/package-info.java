/**
 * Volunteers and party members (双报到) registered with their home community, volunteer tasks with sign-ups,
 * attendance and hours, the duty badge (亮身份) and the certificate of service. docs/volunteers.md. The public API
 * ({@link org.gridlink.mobilization.volunteers.Volunteers}, {@link org.gridlink.mobilization.volunteers.VolunteerTasks})
 * is the named interface {@code volunteers}.
 */
@org.springframework.modulith.NamedInterface("volunteers")
@org.jspecify.annotations.NullMarked
package org.gridlink.mobilization.volunteers;
