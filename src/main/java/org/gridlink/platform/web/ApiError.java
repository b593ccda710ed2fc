package org.gridlink.platform.web;

/** The API's error body: a machine code and a message in the requested language. */
public record ApiError(String code, String message) {
}
