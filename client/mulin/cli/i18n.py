"""The command's labels in Chinese and English: one catalog, one dict per language."""

from __future__ import annotations

import os

CATALOG: dict[str, dict[str, str]] = {
    "en": {
        "phone": "Phone (+86…)",
        "password": "Password",
        "new_password": "Choose a new password",
        "new_password_again": "The new password again",
        "passwords_differ": "The two passwords differ; try again.",
        "setup_intro": "Scan this code with an authenticator app, or type the secret:",
        "secret": "Secret",
        "code": "6-digit code from the app",
        "signed_in": "Signed in: {role}, jurisdiction {jurisdiction}",
        "signed_out": "Signed out.",
        "not_signed_in": "Not signed in: run `mulin login`.",
        "sign_in_failed": "Sign-in failed: {message}",
        "stack_error": "Stack file: {message}",
        "api_error": "Error {status}: {message}",
        "allowed_actions": "The case now allows: {actions}",
        "no_actions": "The case allows no action now.",
        "retry_after": "Retry after {seconds} s.",
        "done": "{action}: done; status {status}, version {version}.",
        "nothing": "Nothing to show.",
        "tally_waiting": "Counting the ballots…",
        "tally_failed": "The count failed: {reason}",
        "exported": "{count} case(s) written to {path}.",
        "exporting": "Exporting",
        "overdue": "OVERDUE",
        "timeline": "Timeline",
        "tracking_no": "Tracking no.",
        "title": "Title",
        "status": "Status",
        "division": "Division",
        "due": "Due (Shanghai)",
        "overdue_col": "Overdue",
        "at": "At (Shanghai)",
        "action": "Action",
        "actor": "By",
        "message": "Message / reason",
        "queue": "Queue",
        "new": "New",
        "due_soon": "Due soon",
        "id": "ID",
        "committee": "Committee",
        "phase": "Phase",
        "role": "Role",
        "phone_masked": "Phone",
        "name": "Name",
        "project": "Project",
        "cost": "Cost (yuan)",
        "score": "Score",
        "selected": "Selected",
        "reason": "Reason",
        "requested": "Requested (yuan)",
        "requested_at": "Requested at",
        "basis": "Basis",
        "allowed": "Allowed actions",
        "budget": "Budget (yuan)",
        "method": "Method",
    },
    "zh": {
        "phone": "手机号（+86…）",
        "password": "密码",
        "new_password": "请设置新密码",
        "new_password_again": "再次输入新密码",
        "passwords_differ": "两次输入的密码不一致，请重试。",
        "setup_intro": "请用身份验证器应用扫描二维码，或手动输入密钥：",
        "secret": "密钥",
        "code": "验证器中的 6 位验证码",
        "signed_in": "已登录：{role}，辖区 {jurisdiction}",
        "signed_out": "已退出登录。",
        "not_signed_in": "尚未登录：请运行 `mulin login`。",
        "sign_in_failed": "登录失败：{message}",
        "stack_error": "环境文件：{message}",
        "api_error": "错误 {status}：{message}",
        "allowed_actions": "该件当前可执行：{actions}",
        "no_actions": "该件当前不可执行任何操作。",
        "retry_after": "请 {seconds} 秒后重试。",
        "done": "{action}：已完成；状态 {status}，版本 {version}。",
        "nothing": "暂无内容。",
        "tally_waiting": "正在计票…",
        "tally_failed": "计票失败：{reason}",
        "exported": "已写出 {count} 件至 {path}。",
        "exporting": "导出中",
        "overdue": "已超期",
        "timeline": "办理记录",
        "tracking_no": "编号",
        "title": "标题",
        "status": "状态",
        "division": "区划",
        "due": "期限（上海时间）",
        "overdue_col": "超期",
        "at": "时间（上海）",
        "action": "操作",
        "actor": "操作人",
        "message": "内容 / 理由",
        "queue": "队列",
        "new": "新增",
        "due_soon": "即将到期",
        "id": "ID",
        "committee": "居委会",
        "phase": "阶段",
        "role": "角色",
        "phone_masked": "手机号",
        "name": "姓名",
        "project": "项目",
        "cost": "金额（元）",
        "score": "得票",
        "selected": "入选",
        "reason": "理由",
        "requested": "申请金额（元）",
        "requested_at": "申请时间",
        "basis": "依据",
        "allowed": "可执行操作",
        "budget": "预算（元）",
        "method": "投票方式",
    },
}


# Codes the API sends (statuses, queues, roles) as a Chinese reader's table shows them; JSON and
# CSV keep the codes, which scripts match on.
VALUES_ZH: dict[str, str] = {
    "submitted": "待受理", "accepted": "已受理", "assigned": "已交办", "transferred": "转办中",
    "replied": "已答复", "reopened": "重新办理", "closed": "已办结", "declined": "不予受理", "merged": "已并案",
    "pending": "待核验", "approved": "已通过", "revoked": "已撤销", "ended": "已结束",
    "suggestions": "人民建议", "residences": "居住核验", "funds": "自治金", "rounds": "微更新投票",
    "resident": "居民", "committee_staff": "居委会工作人员", "street_official": "街道工作人员",
    "district_admin": "区管理员", "platform_admin": "平台管理员",
    "active": "在岗", "disabled": "已停用",
}


def value_label(lang: str, value: str) -> str:
    return VALUES_ZH.get(value, value) if lang == "zh" else value


def default_lang(environ: dict[str, str] | None = None) -> str:
    """zh when the locale (LC_ALL, else LANG) starts with zh, else en."""
    env = os.environ if environ is None else environ
    locale = env.get("LC_ALL") or env.get("LANG") or ""
    return "zh" if locale.lower().startswith("zh") else "en"


def text(lang: str, key: str, **values: object) -> str:
    return CATALOG.get(lang, CATALOG["en"])[key].format(**values)
