-- The volunteer (mobilization module's volunteer id) who handed an order over at the gate, when a volunteer recorded
-- the delivery; NULL when staff did or the account has no volunteer record.
ALTER TABLE necessity_order ADD COLUMN delivered_volunteer_id BIGINT;
