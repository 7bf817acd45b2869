#!/usr/bin/env python3
"""Interop check: the official MCP Python SDK as the client of sigil-server.

It starts the built sigil-server over stdio with the SDK's own transport
(`mcp.client.stdio.stdio_client`), completes the handshake with `ClientSession`,
lists the tools and calls every one of them, as each role, including a token made by
PyJWT in the NextMCP example's structure (as its generate_token.py makes them).

Run it alone (from the repository root):

    pip install mcp pyjwt cryptography        # once
    swift build --product sigil-server
    python3 Tests/Interop/mcp_client_interop.py

An explicit binary can be given: `python3 Tests/Interop/mcp_client_interop.py PATH`.
Exit status 0 when every check passed.
"""

import asyncio
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time

import jwt  # PyJWT
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

TOOLS = [
    "public_info", "login", "whoami", "list_posts", "create_post", "update_post",
    "delete_post", "admin_dashboard", "refresh_token", "logout", "jwks",
]
PASSWORDS = {"admin": "admin-demo", "alice": "alice-demo", "bob": "bob-demo"}
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        raise AssertionError(what)


def find_binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    try:
        bin_dir = subprocess.run(
            ["swift", "build", "--show-bin-path"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        bin_dir = os.path.join(root, ".build", "debug")
    return os.path.join(bin_dir, "sigil-server")


def structured(result):
    check(result.content and result.content[0].type == "text", "a text content block")
    check(isinstance(result.structured_content, dict), "structuredContent is an object")
    return result.structured_content


async def call(session, name, arguments=None, token=None, meta=None, expect=None):
    arguments = dict(arguments or {})
    if token is not None:
        arguments["auth"] = {"token": token}
    result = await session.call_tool(name, arguments, meta=meta)
    body = structured(result)
    if expect is None:
        check(not result.is_error, f"{name} should succeed: {body}")
    else:
        check(result.is_error and body.get("error") == expect, f"{name} should fail with {expect}: {body}")
    return body


async def session_run(binary, data_file, secret):
    params = StdioServerParameters(
        command=binary, args=["--data", data_file, "--demo", "--accept-legacy-tokens"], env={"SIGIL_JWT_SECRET": secret}
    )
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check(init.protocol_version in ("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"), "version")
            check(init.server_info.name == "sigil-server", "serverInfo.name")
            check(init.capabilities.tools is not None, "tools capability")
            await session.send_ping()

            listed = await session.list_tools()
            check([tool.name for tool in listed.tools] == TOOLS, f"tool names: {[t.name for t in listed.tools]}")
            for tool in listed.tools:
                check(tool.input_schema.get("type") == "object", f"{tool.name} inputSchema type")
                check(tool.description, f"{tool.name} description")

            info = await call(session, "public_info")
            check(info["version"], "public_info version")
            await call(session, "jwks", expect="no_public_key")  # an HS256 server publishes no key

            tokens, refresh = {}, {}
            for user, password in PASSWORDS.items():
                body = await call(session, "login", {"username": user, "password": password})
                check(body["token_type"] == "Bearer" and body["user"]["username"] == user, "login shape")
                tokens[user], refresh[user] = body["token"], body["refresh_token"]
            wrong = await call(session, "login", {"username": "alice", "password": "x"}, expect="invalid_credentials")
            unknown = await call(session, "login", {"username": "zed", "password": "x"}, expect="invalid_credentials")
            check(wrong == unknown, "wrong password and unknown user look the same")

            me = await call(session, "whoami", token=tokens["alice"])
            check(me["username"] == "alice" and "write:own_posts" in me["permissions"], "whoami alice")
            via_meta = await call(session, "whoami", meta={"auth": {"token": tokens["bob"]}})
            check(via_meta["username"] == "bob" and via_meta["token_source"] == "meta", "token in _meta")
            await call(session, "whoami", expect="authentication_required")

            posts = await call(session, "list_posts", {"limit": 5}, token=tokens["bob"])
            check([p["title"] for p in posts["posts"]][:3] == [
                "JWT Authentication in MCP", "Role-Based Access Control", "Secure API Design"], "sample posts")
            await call(session, "create_post", {"title": "t", "content": "c"}, token=tokens["bob"], expect="permission_denied")
            created = await call(session, "create_post", {"title": "From Python", "content": "via the MCP SDK"},
                                 token=tokens["alice"])
            post_id = created["post"]["id"]
            await call(session, "update_post", {"post_id": post_id, "title": "Edited", "content": "x"}, token=tokens["alice"])
            await call(session, "update_post", {"post_id": 1, "title": "No", "content": "x"}, token=tokens["alice"],
                       expect="permission_denied")
            await call(session, "update_post", {"post_id": 1, "title": "Yes", "content": "x"}, token=tokens["admin"])
            await call(session, "delete_post", {"post_id": post_id}, token=tokens["alice"], expect="permission_denied")
            await call(session, "delete_post", {"post_id": post_id}, token=tokens["admin"])
            await call(session, "delete_post", {"post_id": post_id}, token=tokens["admin"], expect="not_found")
            await call(session, "admin_dashboard", token=tokens["bob"], expect="permission_denied")
            dashboard = await call(session, "admin_dashboard", token=tokens["admin"])
            check(dashboard["server_stats"]["total_users"] == 3, "dashboard users")
            await call(session, "list_posts", {"limit": "ten"}, token=tokens["bob"], expect="invalid_argument_type")

            # Tokens made by PyJWT in the NextMCP example's structure (no jti, no iss).
            now = int(time.time())
            seed = jwt.encode({"sub": "user_alice", "iat": now, "exp": now + 600, "roles": ["user"],
                               "permissions": ["read:posts", "write:own_posts"], "username": "alice"},
                              secret, algorithm="HS256")
            check((await call(session, "whoami", token=seed))["username"] == "alice", "PyJWT token accepted")
            expired = jwt.encode({"sub": "user_alice", "iat": now - 7200, "exp": now - 3600, "roles": ["user"]},
                                 secret, algorithm="HS256")
            await call(session, "whoami", token=expired, expect="token_expired")
            forged = jwt.encode({"sub": "user_admin", "exp": now + 600, "roles": ["admin"]},
                                "not-the-secret-but-long-enough-0123456789", algorithm="HS256")
            await call(session, "admin_dashboard", token=forged, expect="invalid_token")

            rotated = await call(session, "refresh_token", {"refresh_token": refresh["alice"]})
            await call(session, "whoami", token=rotated["token"])
            await call(session, "refresh_token", {"refresh_token": refresh["alice"]}, expect="token_revoked")
            await call(session, "whoami", token=rotated["token"], expect="token_revoked")

            await call(session, "logout", token=tokens["bob"])
            await call(session, "whoami", token=tokens["bob"], expect="token_revoked")

            try:
                await session.call_tool("no_such_tool", {})
                raised = False
            except Exception:  # the SDK raises MCPError for the JSON-RPC error -32602
                raised = True
            check(raised, "an unknown tool is a JSON-RPC error")
            await session.send_ping()
            return tokens["admin"]


async def restart_run(binary, data_file, secret, admin_token):
    """A second session on the same data file: the revocation survived the restart."""
    params = StdioServerParameters(command=binary, args=["--data", data_file, "--demo", "--accept-legacy-tokens"], env={"SIGIL_JWT_SECRET": secret})
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            posts = await call(session, "list_posts", {"limit": 100}, token=admin_token)
            check(posts["posts"][0]["title"] == "Yes", "update persisted")
            await call(session, "logout", token=admin_token)
            await call(session, "whoami", token=admin_token, expect="token_revoked")


def main():
    binary = find_binary()
    if not os.access(binary, os.X_OK):
        print(f"interop: {binary} not found; run `swift build --product sigil-server` first", file=sys.stderr)
        return 2
    secret = secrets.token_urlsafe(36)
    with tempfile.TemporaryDirectory() as directory:
        data_file = os.path.join(directory, "blog.json")
        started = time.time()
        admin_token = asyncio.run(session_run(binary, data_file, secret))
        asyncio.run(restart_run(binary, data_file, secret, admin_token))
        print(f"interop: OK: the official MCP Python SDK completed two sessions against {os.path.basename(binary)}; "
              f"{len(TOOLS)} tools called, {checks} checks passed in {time.time() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
