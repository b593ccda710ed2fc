package org.gridlink.notices;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS (dysmsapi, API version 2017-05-25), RPC style: {@code POST /} with form parameters
 * {@code Action=SendBatchSms}, {@code PhoneNumberJson}, {@code SignNameJson}, {@code TemplateCode},
 * {@code TemplateParamJson}, {@code OutId} and the common parameters signed with HMAC-SHA1 (signature version 1.0).
 * The answer is {@code {"Code":"OK","Message":"OK","BizId":"…","RequestId":"…"}} or an error code. The same client
 * talks to the real service and to {@link SmsGatewaySimulator}.
 */
final class AliyunSms {

	static final String VERSION = "2017-05-25";
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
			.withZone(ZoneOffset.UTC);

	/** The service's answer to one request. */
	record Answer(String code, String message, String bizId) {

		boolean ok() {
			return "OK".equals(code);
		}

		/** Codes worth another try later (flow control, the service busy). */
		boolean retryable() {
			return code.startsWith("isv.BUSINESS_LIMIT_CONTROL") || code.equals("isp.SYSTEM_ERROR")
					|| code.equals("isp.RAM_PERMISSION_DENY") || code.equals("SignatureNonceUsed")
					|| code.startsWith("HTTP_") || code.equals("IO");
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final JsonMapper json = JsonMapper.builder().build();

	/** One SendBatchSms call: up to 100 phones with one sign name and template and per-phone parameters. */
	Answer sendBatch(URI endpoint, String accessKeyId, String secret, List<String> phones, String signName,
			String templateCode, List<Map<String, String>> params, String outId) {
		Map<String, String> form = new TreeMap<>();
		form.put("Action", "SendBatchSms");
		form.put("Version", VERSION);
		form.put("Format", "JSON");
		form.put("RegionId", "cn-hangzhou");
		form.put("AccessKeyId", accessKeyId);
		form.put("SignatureMethod", "HMAC-SHA1");
		form.put("SignatureVersion", "1.0");
		form.put("SignatureNonce", UUID.randomUUID().toString());
		form.put("Timestamp", TIMESTAMP.format(Instant.now()));
		form.put("PhoneNumberJson", json.writeValueAsString(phones));
		form.put("SignNameJson", json.writeValueAsString(phones.stream().map(p -> signName).toList()));
		form.put("TemplateCode", templateCode);
		form.put("TemplateParamJson", json.writeValueAsString(params));
		form.put("OutId", outId);
		String canonical = canonical(form);
		form.put("Signature", sign("POST", canonical, secret));
		String body = canonical(form);
		HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
				.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 500) {
				return new Answer("HTTP_" + response.statusCode(), "server error", "");
			}
			JsonNode node = json.readTree(response.body());
			return new Answer(node.path("Code").asString(""), node.path("Message").asString(""),
					node.path("BizId").asString(""));
		}
		catch (java.io.IOException ex) {
			return new Answer("IO", ex.getClass().getSimpleName(), "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer("IO", "interrupted", "");
		}
	}

	/** One message as {@code QuerySendDetails} reports it: 1 waiting for the handset, 2 failed, 3 delivered. */
	record Detail(String phone, int sendStatus, String errCode, String outId, String templateCode) {
	}

	/**
	 * {@code QuerySendDetails}: the messages sent to {@code phone} on {@code sendDate} (yyyyMMdd, the provider keeps 30
	 * days), up to 50 (one page); null when the question could not be answered (an error code, HTTP or I/O).
	 */
	java.util.@org.jspecify.annotations.Nullable List<Detail> querySendDetails(URI endpoint, String accessKeyId,
			String secret, String phone, String sendDate) {
		Map<String, String> form = common("QuerySendDetails", accessKeyId);
		form.put("PhoneNumber", phone);
		form.put("SendDate", sendDate);
		form.put("PageSize", "50");
		form.put("CurrentPage", "1");
		JsonNode node = post(endpoint, form, secret);
		if (node == null || !"OK".equals(node.path("Code").asString(""))) {
			return null;
		}
		List<Detail> details = new java.util.ArrayList<>();
		for (JsonNode d : node.path("SmsSendDetailDTOs").path("SmsSendDetailDTO")) {
			details.add(new Detail(d.path("PhoneNum").asString(""), d.path("SendStatus").asInt(0),
					d.path("ErrCode").asString(""), d.path("OutId").asString(""), d.path("TemplateCode").asString("")));
		}
		return details;
	}

	private Map<String, String> common(String action, String accessKeyId) {
		Map<String, String> form = new TreeMap<>();
		form.put("Action", action);
		form.put("Version", VERSION);
		form.put("Format", "JSON");
		form.put("RegionId", "cn-hangzhou");
		form.put("AccessKeyId", accessKeyId);
		form.put("SignatureMethod", "HMAC-SHA1");
		form.put("SignatureVersion", "1.0");
		form.put("SignatureNonce", UUID.randomUUID().toString());
		form.put("Timestamp", TIMESTAMP.format(Instant.now()));
		return form;
	}

	/** Signs and posts the form; the answer's JSON, or null for HTTP 5xx and I/O errors. */
	private @org.jspecify.annotations.Nullable JsonNode post(URI endpoint, Map<String, String> form, String secret) {
		String canonical = canonical(form);
		form.put("Signature", sign("POST", canonical, secret));
		HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
				.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(canonical(form))).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() >= 500 ? null : json.readTree(response.body());
		}
		catch (java.io.IOException | RuntimeException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** Signature version 1.0: Base64(HMAC-SHA1(secret + "&", method + "&%2F&" + encode(canonical query))). */
	static String sign(String method, String canonical, String secret) {
		String toSign = method + "&" + encode("/") + "&" + encode(canonical);
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The sorted, percent-encoded parameters (RFC 3986: space as %20, '*' as %2A, '~' kept). */
	static String canonical(Map<String, String> sorted) {
		StringBuilder out = new StringBuilder();
		for (Map.Entry<String, String> e : new TreeMap<>(sorted).entrySet()) {
			if (!out.isEmpty()) {
				out.append('&');
			}
			out.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
		}
		return out.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
				.replace("%7E", "~");
	}
}
