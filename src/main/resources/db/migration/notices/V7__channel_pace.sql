-- Each channel's next free moment (microseconds since the epoch), shared by every instance: a batch reserves its
-- share of the provider's rate here, so two instances together send no faster than the provider allows.
CREATE TABLE notice_channel_pace
(
  channel     VARCHAR(10) PRIMARY KEY,
  next_micros BIGINT      NOT NULL
);
INSERT INTO notice_channel_pace (channel, next_micros) VALUES ('INBOX', 0), ('SMS', 0), ('EMAIL', 0), ('GROUP', 0);
