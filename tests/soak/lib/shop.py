"""A shop and its acquirer on loopback: the sandbox gateway over HTTPS with
its own data directory, and a real shop configuration (gateways, not the
in-process sandbox) pointing the core at it."""

import json
import os
import socket
import subprocess
import time

WECHAT_APP_ID = "wxd930ea5d5a258f4f"
WECHAT_MCH_ID = "10000100"
ALIPAY_APP_ID = "2021000000000001"


class SetupError(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def alipay_bill_account(app_id):
    # The sandbox derives the Alipay account its bills name from the app id
    # (AlipayGatewayFront::billAccount); reconciliation refuses any other.
    digits = "".join(c for c in app_id if c.isdigit())
    return "2088" + digits[-12:].rjust(12, "0") + "0156"


def write_secret(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
    os.chmod(path, 0o644)


def run_openssl(*args):
    r = subprocess.run(["openssl", *args], capture_output=True)
    if r.returncode != 0:
        raise SetupError("openssl %s: %s" % (" ".join(args), r.stderr.decode(errors="replace")))


class Shop:
    """Paths, ports and configuration files of one kill-loop run."""

    def __init__(self, work, binary):
        self.work = os.path.abspath(work)
        self.binary = binary
        self.gateway_dir = os.path.join(self.work, "acquirer")
        self.shop_dir = os.path.join(self.work, "shop")
        self.keys_dir = os.path.join(self.work, "keys")
        self.gateway_port = free_port()
        self.notify_port = free_port()
        self.gateway_config = os.path.join(self.gateway_dir, "sandbox.json")
        self.shop_config = os.path.join(self.work, "shop.json")

    def prepare(self):
        for d in (self.gateway_dir, self.shop_dir, self.keys_dir):
            os.makedirs(d, exist_ok=True)
        if os.listdir(self.shop_dir) or os.path.exists(os.path.join(self.gateway_dir, "sandbox.db")):
            raise SetupError("%s is not a fresh work directory" % self.work)
        api_key = os.path.join(self.keys_dir, "wechat-api-key.txt")
        write_secret(api_key, b"192006250b4c09247ec02edce69f6a2d")
        app_private = os.path.join(self.keys_dir, "alipay-app-private.pem")
        app_public = os.path.join(self.keys_dir, "alipay-app-public.pem")
        run_openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                    "-out", app_private)
        os.chmod(app_private, 0o600)
        run_openssl("pkey", "-in", app_private, "-pubout", "-out", app_public)
        os.chmod(app_public, 0o644)
        write_json(self.gateway_config, {
            "dataDir": ".",
            "wechat": [{"appId": WECHAT_APP_ID, "mchId": WECHAT_MCH_ID, "apiKeyFile": api_key}],
            "alipay": [{"appId": ALIPAY_APP_ID, "appPublicKeyFile": app_public}],
            # Retries close together: a notify listener killed and restarted
            # still hears the result within the run.
            "notifyRetryDelaysMs": [300, 1000, 2000, 5000],
        })
        # The customer's side of the acquirer: `sandbox-scan` reaches the
        # acquirer's trades only through a test shop, so one is set up on
        # the gateway's own directory (its sandbox.db is the gateway's).
        write_json(os.path.join(self.gateway_dir, "paydesk.json"), {"sandbox": True})

    def gateway_command(self):
        return [self.binary, "sandbox", "--listen", "127.0.0.1:%d" % self.gateway_port, "--tls",
                "--config", self.gateway_config]

    def wait_for_gateway(self, proc, timeout=30.0):
        tls = os.path.join(self.gateway_dir, "tls")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SetupError("the sandbox gateway exited with %s" % proc.returncode)
            ready = all(os.path.exists(os.path.join(tls, f))
                        for f in ("ca.pem", "merchant-cert.pem", "merchant-key.pem"))
            if ready and os.path.exists(os.path.join(self.gateway_dir, "sandbox-alipay-public.pem")):
                try:
                    with socket.create_connection(("127.0.0.1", self.gateway_port), timeout=1):
                        return
                except OSError:
                    pass
            time.sleep(0.05)
        raise SetupError("the sandbox gateway did not come up on port %d" % self.gateway_port)

    def write_shop_config(self):
        tls = os.path.join(self.gateway_dir, "tls")
        base = "https://127.0.0.1:%d" % self.gateway_port
        notify = "http://127.0.0.1:%d/notify/" % self.notify_port
        certs = {"caFile": os.path.join(tls, "ca.pem"),
                 "clientCertFile": os.path.join(tls, "merchant-cert.pem"),
                 "clientKeyFile": os.path.join(tls, "merchant-key.pem"),
                 # Lost answers are part of the mix: time out soon.
                 "readTimeoutMs": 1500}
        wechat = {"protocol": "wechat-v2", "url": base + "/wechat/", "appId": WECHAT_APP_ID,
                  "mchId": WECHAT_MCH_ID,
                  "apiKeyFile": os.path.join(self.keys_dir, "wechat-api-key.txt"),
                  "signType": "HMAC-SHA256", "notifyUrl": notify + "wechat", **certs}
        alipay = {"protocol": "alipay", "url": base + "/alipay/gateway.do", "appId": ALIPAY_APP_ID,
                  "appPrivateKeyFile": os.path.join(self.keys_dir, "alipay-app-private.pem"),
                  "alipayPublicKeyFile": os.path.join(self.gateway_dir,
                                                      "sandbox-alipay-public.pem"),
                  "billAccount": alipay_bill_account(ALIPAY_APP_ID),
                  "notifyUrl": notify + "alipay", **certs}
        write_json(self.shop_config, {
            "storeId": "0001", "terminalId": "0001",
            "maxAmount": "100000.00", "largeAmount": "5000.00",
            # A killed process's orders wait for its lease to run out
            # before another takes them over: the shortest allowed.
            "leaseSeconds": 3,
            # A WeChat code the WeChat acquirer refuses (NOAUTH) falls back
            # to the second acquirer; UnionPay goes through WeChat's.
            "routes": {"wechat": ["wechat", "alipay"], "alipay": "alipay", "unionpay": "wechat"},
            # Shortened so that deadlines, polls and revoke retries happen
            # many times within a run.
            "defaults": {"callTimeoutMs": 3000, "barcodeDeadlineMs": 8000,
                         "qrDeadlineMs": 15000,
                         "pollDelaysMs": [300, 500, 1000, 1000, 2000], "maxPolls": 30,
                         "revokeDelaysMs": [0, 300, 600, 1000], "maxRevokeAttempts": 4,
                         "refundPollDelaysMs": [300, 600, 1000, 2000], "maxRefundPolls": 10},
            "ledger": {"merchantId": "M0001",
                       "feeRates": {"wechat": "0.6%", "alipay": "0.6%"},
                       "defaultFeeRate": "0.6%", "settlementDelayDays": 0,
                       "payoutsPerDay": 1000, "payoutAmountPerDay": "1000000.00",
                       "walletWithdrawalsPerDay": 1000,
                       "walletWithdrawalAmountPerDay": "1000000.00"},
            "gateways": {"wechat": wechat, "alipay": alipay},
        })

    def core(self, *args):
        """A command on the shop's data directory."""
        return [self.binary, "--data", self.shop_dir, "--config", self.shop_config, "--json",
                *args]

    def customer(self, *args):
        """A command on the acquirer's side (the customer's wallet app)."""
        return [self.binary, "--data", self.gateway_dir, "--json", *args]
