-- ReplicaRoutingTest: Flyway's migration runs on the primary only
CREATE TABLE place (name VARCHAR(20) NOT NULL);
INSERT INTO place (name) VALUES ('primary');
