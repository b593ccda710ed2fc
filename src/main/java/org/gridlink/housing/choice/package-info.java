/**
 * Rural housing, choice and agreements: the unit types a project offers with their drawings ({@link
 * org.gridlink.housing.choice.UnitTypes}), each eligible household's one current choice or deferral and the allocation of
 * plots by lot drawing or priority order ({@link org.gridlink.housing.choice.Choices}), the agreement drafted from the
 * household's figures, printed and signed ({@link org.gridlink.housing.choice.Agreements}), and the subsidy tranches
 * paid as the household's building reaches its milestones ({@link org.gridlink.housing.choice.SubsidyTranches}). Who may
 * do what: {@link org.gridlink.housing.choice.ChoiceAccess}.
 */
@org.jspecify.annotations.NullMarked
package org.gridlink.housing.choice;
