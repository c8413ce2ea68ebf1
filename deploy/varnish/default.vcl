vcl 4.1;
# Partnership Hub behind Varnish (optional): nginx (HTTPS) -> Varnish -> gunicorn.
# The hub decides what may be kept (Cache-Control: public, s-maxage) and tells Varnish which
# addresses to forget when parents approve a change (PURGE, from the hub's own machine only:
# HUB_FRONTEND_CACHE=varnish, HUB_VARNISH_URL=http://127.0.0.1:6081). See docs/deploy.md.

backend hub {
    .host = "127.0.0.1";
    .port = "8000";  # GUNICORN_BIND
}

# Who may ask Varnish to forget an address: the hub's workers and jobs on this machine.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    # The admin, files (checked against the privacy rules on every request) and sign-in
    # links are never kept. Anyone with a cookie (signed-in staff, a reader who has entered
    # a page's password) passes too: Varnish's built-in rules do that after this.
    if (req.url ~ "^/(admin|documents|review-sign-in|healthz)") {
        return (pass);
    }
}

sub vcl_backend_response {
    # Keep only what the hub says anyone may be given, for as long as it says (s-maxage).
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
}
