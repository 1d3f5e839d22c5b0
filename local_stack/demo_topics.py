"""A demo topic of the demo committee that its neighbours supported past the threshold and
discussed, so the committee's topic list, a topic's page and the staff's queue are not empty."""

from __future__ import annotations

from local_stack.provision import DemoUser

# Neighbours who exist only as the supports and comments they left (no account signs in as them).
NEIGHBOURS = 10


def add_demo_topics(users: list[DemoUser]) -> str:
    from chalicelib.auth import Principal, Role
    from chalicelib.deliberation import comments, service
    from chalicelib.deliberation.models import CommentSubmission, TopicSubmission

    by_role = {user.role: user for user in users}
    resident_user = by_role["resident"]
    committee = by_role["committee_staff"].division or ""
    resident = Principal(user_id=resident_user.user_id, role=Role.resident, phone=resident_user.username,
                         residence=committee, phone_verified=True)
    neighbours = [Principal(user_id=f"demo-neighbour-{n}", role=Role.resident, residence=committee)
                  for n in range(NEIGHBOURS)]
    topic = service.raise_topic(resident, TopicSubmission(
        division=committee, title="楼道加装扶手",
        background="12 号楼没有电梯，住在四楼以上的老人上下楼要歇好几次，雨天楼梯湿滑。",
        proposal="每层楼道靠墙一侧加装不锈钢扶手，费用从自治金或微更新项目中解决。"), None)
    for neighbour in neighbours:
        service.support_topic(neighbour, topic.id)
    first = comments.add_comment(neighbours[0], topic.id, CommentSubmission(text="赞成，我家老人也常说楼梯难走。"), None)
    comments.add_comment(resident, topic.id, CommentSubmission(text="谢谢！可以一起去居委会说。", reply_to=first.id), None)
    comments.add_comment(neighbours[1], topic.id, CommentSubmission(text="扶手高度最好请专业人员量一下。"), None)
    return topic.id
