-- A council decision may open one task (docs/council.md): a posted cadre's task of the community (cadre_task) or a
-- volunteer task (volunteer_task). task_kind says which: CADRE or VOLUNTEER. Set once, under the decision's row lock.
ALTER TABLE council_decision ADD COLUMN task_id BIGINT;
ALTER TABLE council_decision ADD COLUMN task_kind VARCHAR(10);
