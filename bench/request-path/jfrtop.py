"""Aggregates `jfr print --stack-depth N --events jdk.ExecutionSample` output: self time by top frame, by package
family, and inclusive time of frames matching given substrings. Usage: bench/request-path/jfrtop.py FILE [THREAD_PREFIX] [N]"""
import re, sys, collections
path = sys.argv[1]
thread_prefix = sys.argv[2] if len(sys.argv) > 2 else "http-nio"
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
samples = []
cur = None
thread = None
for line in open(path, errors="replace"):
    s = line.strip()
    if s.startswith("sampledThread"):
        thread = s.split('"')[1] if '"' in s else s
    elif s.startswith("stackTrace = ["):
        cur = []
    elif cur is not None:
        if s == "]" or s.startswith("]"):
            samples.append((thread, cur)); cur = None
        elif s and s != "...":
            frame = re.sub(r"\s+line:.*$", "", s)
            frame = re.sub(r"\(.*\)$", "", frame)
            cur.append(frame)
total_all = len(samples)
threads_all = collections.Counter(re.sub(r"[-#]?\d+$", "", t or "?") for t, st in samples)
samples = [st for t, st in samples if t and t.startswith(thread_prefix)]
total = len(samples)
print("samples: %d in all, %d on threads %s*" % (total_all, total, thread_prefix))
def fam(frame):
    for p, name in (("org.gridlink.", "GridLink"), ("org.springframework.security.", "Spring Security"),
                    ("org.springframework.session.", "Spring Session"), ("org.springframework.web.", "Spring Web/MVC"),
                    ("org.springframework.boot.actuate", "Actuator"), ("org.springframework.", "Spring other"),
                    ("org.apache.catalina.", "Tomcat"), ("org.apache.coyote.", "Tomcat"), ("org.apache.tomcat.", "Tomcat"),
                    ("tools.jackson.", "Jackson"), ("com.fasterxml.", "Jackson"), ("io.micrometer.", "Micrometer"),
                    ("org.thymeleaf.", "Thymeleaf"), ("org.postgresql.", "JDBC driver"), ("com.zaxxer.", "Hikari"),
                    ("sun.nio.", "JDK I/O"), ("java.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK")):
        if frame.startswith(p):
            return name
    return "other"
print("\n## samples by thread (numbers cut)")
for t, c in threads_all.most_common(12):
    print("%5.1f%%  %s" % (100.0 * c / max(total_all, 1), t))
top = collections.Counter(st[0] for st in samples if st)
print("\n## top frames (self)")
for f, c in top.most_common(n):
    print("%5.1f%%  %s" % (100.0 * c / total, f))
fams = collections.Counter(fam(st[0]) for st in samples if st)
print("\n## self time by package")
for f, c in fams.most_common():
    print("%5.1f%%  %s" % (100.0 * c / total, f))
# the innermost non-JDK frame of each sample: who asked for the JDK work
owner = collections.Counter()
for st in samples:
    o = next((fam(f) for f in st if fam(f) not in ("JDK", "JDK I/O", "other")), "JDK only")
    owner[o] += 1
print("\n## self time by the innermost non-JDK frame's package")
for f, c in owner.most_common():
    print("%5.1f%%  %s" % (100.0 * c / total, f))
incl = collections.Counter()
for st in samples:
    for f in set(st):
        incl[f] += 1
print("\n## inclusive, GridLink and filter/interceptor frames")
keys = ("org.gridlink.", "Filter.doFilter", "doFilterInternal", "preHandle", "postHandle", "invokeHandler",
        "writeWithMessageConverters", "SessionRepository", "Observation", "HeaderWriter", "AuthorizationManager.check",
        "ServletInvocableHandlerMethod.invokeAndHandle", "DispatcherServlet.doDispatch", "getHandler", "CoyoteAdapter.service")
for f, c in incl.most_common():
    if any(k in f for k in keys) and c * 200 >= total:
        print("%5.1f%%  %s" % (100.0 * c / total, f))
