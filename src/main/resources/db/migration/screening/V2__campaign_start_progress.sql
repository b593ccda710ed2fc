-- Starting a campaign runs in the background (status STARTING): the tasks are prepared grid by grid, each grid in
-- its own transaction, and these counters show how far it got. Campaigns started before hold their final figures.
ALTER TABLE screening_campaign ADD COLUMN grids_total INT NOT NULL DEFAULT 0;
ALTER TABLE screening_campaign ADD COLUMN grids_done INT NOT NULL DEFAULT 0;
UPDATE screening_campaign SET grids_total = (SELECT COUNT(*) FROM screening_task t WHERE t.campaign_id = screening_campaign.id),
  grids_done = (SELECT COUNT(*) FROM screening_task t WHERE t.campaign_id = screening_campaign.id);
