""" Contains all the data models used in inputs/outputs """

from .accept_fund_completion_request import AcceptFundCompletionRequest
from .accept_suggestion_request import AcceptSuggestionRequest
from .account import Account
from .account_status import AccountStatus
from .action_request import ActionRequest
from .action_result import ActionResult
from .adoption import Adoption
from .answer_fund_objection_request import AnswerFundObjectionRequest
from .answer_topic_request import AnswerTopicRequest
from .appeal_receipt import AppealReceipt
from .appeal_request import AppealRequest
from .application_detail import ApplicationDetail
from .application_detail_team_type_0 import ApplicationDetailTeamType0
from .application_detail_view import ApplicationDetailView
from .application_draft import ApplicationDraft
from .application_page import ApplicationPage
from .application_summary import ApplicationSummary
from .application_update import ApplicationUpdate
from .approve_fund_application_request import ApproveFundApplicationRequest
from .approve_residence_request import ApproveResidenceRequest
from .assign_suggestion_request import AssignSuggestionRequest
from .ballot_change import BallotChange
from .ballot_receipt import BallotReceipt
from .ballot_request import BallotRequest
from .basis import Basis
from .cancel_fund_application_request import CancelFundApplicationRequest
from .cancel_meeting_request import CancelMeetingRequest
from .cancel_round_request import CancelRoundRequest
from .carried_to import CarriedTo
from .carry_decision_request import CarryDecisionRequest
from .carry_decision_request_application_type_0 import CarryDecisionRequestApplicationType0
from .carry_target import CarryTarget
from .channel import Channel
from .close_fund_application_request import CloseFundApplicationRequest
from .close_round_request import CloseRoundRequest
from .close_suggestion_request import CloseSuggestionRequest
from .code_request import CodeRequest
from .code_sheet import CodeSheet
from .comment_edit import CommentEdit
from .comment_submission import CommentSubmission
from .comment_view import CommentView
from .community_type import CommunityType
from .completion_report import CompletionReport
from .convention_page import ConventionPage
from .convention_view import ConventionView
from .current_residence import CurrentResidence
from .data_export import DataExport
from .deadlines import Deadlines
from .decision_view import DecisionView
from .decline_residence_request import DeclineResidenceRequest
from .decline_suggestion_request import DeclineSuggestionRequest
from .deliberation_settings import DeliberationSettings
from .deliberation_settings_update import DeliberationSettingsUpdate
from .digest_channel import DigestChannel
from .digest_preference import DigestPreference
from .digest_preference_update import DigestPreferenceUpdate
from .disable_official_request import DisableOfficialRequest
from .division import Division
from .division_profile_update import DivisionProfileUpdate
from .division_summary import DivisionSummary
from .division_with_children import DivisionWithChildren
from .eligibility import Eligibility
from .enable_official_request import EnableOfficialRequest
from .erased import Erased
from .erasure_receipt import ErasureReceipt
from .erasure_state import ErasureState
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .evaluation_create import EvaluationCreate
from .evaluation_summary import EvaluationSummary
from .expense import Expense
from .expense_view import ExpenseView
from .exported_appeal import ExportedAppeal
from .exported_comment import ExportedComment
from .exported_fund_application import ExportedFundApplication
from .exported_fund_application_team_type_0 import ExportedFundApplicationTeamType0
from .exported_fund_application_view import ExportedFundApplicationView
from .exported_objection import ExportedObjection
from .exported_rating import ExportedRating
from .exported_registration import ExportedRegistration
from .exported_report import ExportedReport
from .exported_residence_request import ExportedResidenceRequest
from .exported_suggestion import ExportedSuggestion
from .exported_support import ExportedSupport
from .exported_topic import ExportedTopic
from .extend_suggestion_deadline_request import ExtendSuggestionDeadlineRequest
from .fresh_tokens import FreshTokens
from .fresh_tokens_pool import FreshTokensPool
from .fund_action_request import FundActionRequest
from .fund_application_funding_request import FundApplicationFundingRequest
from .fund_category import FundCategory
from .fund_channel import FundChannel
from .fund_objection_create import FundObjectionCreate
from .fund_queue_item import FundQueueItem
from .fund_queue_page import FundQueuePage
from .fund_status import FundStatus
from .fund_timeline_event import FundTimelineEvent
from .gateway_refusal import GatewayRefusal
from .health import Health
from .held_back_item import HeldBackItem
from .held_back_item_status import HeldBackItemStatus
from .held_back_page import HeldBackPage
from .held_back_reason import HeldBackReason
from .held_back_reason_kind import HeldBackReasonKind
from .held_back_source import HeldBackSource
from .held_back_source_kind import HeldBackSourceKind
from .hidden_mark import HiddenMark
from .hide_post_request import HidePostRequest
from .inbox_state import InboxState
from .index_component import IndexComponent
from .index_dimension import IndexDimension
from .index_entry import IndexEntry
from .index_entry_change import IndexEntryChange
from .index_entry_figures import IndexEntryFigures
from .index_entry_list import IndexEntryList
from .index_entry_update import IndexEntryUpdate
from .index_entry_values import IndexEntryValues
from .index_text import IndexText
from .index_trend_point import IndexTrendPoint
from .indicator_kind import IndicatorKind
from .indicator_method import IndicatorMethod
from .kept import Kept
from .ledger_entry import LedgerEntry
from .ledger_page import LedgerPage
from .line_item import LineItem
from .line_view import LineView
from .live_index import LiveIndex
from .live_index_level import LiveIndexLevel
from .mark_read import MarkRead
from .me import Me
from .meeting_action import MeetingAction
from .meeting_create import MeetingCreate
from .meeting_detail import MeetingDetail
from .meeting_kind import MeetingKind
from .meeting_page import MeetingPage
from .meeting_status import MeetingStatus
from .meeting_summary import MeetingSummary
from .meeting_when import MeetingWhen
from .merge_suggestion_request import MergeSuggestionRequest
from .merged_into_case import MergedIntoCase
from .method_kind import MethodKind
from .minutes_view import MinutesView
from .move_official_request import MoveOfficialRequest
from .movement_kind import MovementKind
from .my_ballot import MyBallot
from .my_residence import MyResidence
from .nomination_create import NominationCreate
from .nomination_source import NominationSource
from .nomination_view import NominationView
from .not_linked import NotLinked
from .notification import Notification
from .notification_page import NotificationPage
from .objection_view import ObjectionView
from .official import Official
from .official_action_request import OfficialActionRequest
from .official_create import OfficialCreate
from .official_page import OfficialPage
from .official_role import OfficialRole
from .open_api_document import OpenApiDocument
from .paper_application_entry import PaperApplicationEntry
from .paper_ballot_line import PaperBallotLine
from .paper_ballot_report import PaperBallotReport
from .paper_ballots import PaperBallots
from .path_entry import PathEntry
from .path_step import PathStep
from .phase import Phase
from .photo_upload_form import PhotoUploadForm
from .photo_upload_form_content_type import PhotoUploadFormContentType
from .photo_upload_form_fields import PhotoUploadFormFields
from .photo_upload_request import PhotoUploadRequest
from .photo_upload_request_content_type import PhotoUploadRequestContentType
from .pool import Pool
from .pool_allocation_report import PoolAllocationReport
from .pool_create import PoolCreate
from .pool_create_amounts_by_type_type_0 import PoolCreateAmountsByTypeType0
from .pool_skip import PoolSkip
from .progress_update import ProgressUpdate
from .progress_view import ProgressView
from .project import Project
from .project_result import ProjectResult
from .project_review import ProjectReview
from .project_status import ProjectStatus
from .proposal_create import ProposalCreate
from .publication_status import PublicationStatus
from .publication_status_state import PublicationStatusState
from .queue_counts import QueueCounts
from .queue_entry import QueueEntry
from .queue_kind import QueueKind
from .queue_name import QueueName
from .queue_order import QueueOrder
from .queue_page import QueuePage
from .rating_receipt import RatingReceipt
from .rating_request import RatingRequest
from .rating_summary import RatingSummary
from .receipt_upload_form import ReceiptUploadForm
from .receipt_upload_form_content_type import ReceiptUploadFormContentType
from .receipt_upload_form_fields import ReceiptUploadFormFields
from .receipt_upload_request import ReceiptUploadRequest
from .receipt_upload_request_content_type import ReceiptUploadRequestContentType
from .recommend_fund_application_request import RecommendFundApplicationRequest
from .record_attendance_request import RecordAttendanceRequest
from .record_decision_request import RecordDecisionRequest
from .record_minutes_request import RecordMinutesRequest
from .register_meeting_request import RegisterMeetingRequest
from .registration_view import RegistrationView
from .reject_appeal_request import RejectAppealRequest
from .reject_fund_application_request import RejectFundApplicationRequest
from .release_request import ReleaseRequest
from .reopen_suggestion_request import ReopenSuggestionRequest
from .reply import Reply
from .reply_to_suggestion_request import ReplyToSuggestionRequest
from .report_fund_completion_request import ReportFundCompletionRequest
from .report_reason import ReportReason
from .report_receipt import ReportReceipt
from .report_request import ReportRequest
from .report_view import ReportView
from .reset_official_mfa_request import ResetOfficialMfaRequest
from .residence_request import ResidenceRequest
from .residence_request_create import ResidenceRequestCreate
from .residence_status import ResidenceStatus
from .residence_timeline_event import ResidenceTimelineEvent
from .restore_post_request import RestorePostRequest
from .retention import Retention
from .return_fund_application_for_changes_request import ReturnFundApplicationForChangesRequest
from .return_fund_report_request import ReturnFundReportRequest
from .return_suggestion_request import ReturnSuggestionRequest
from .review_action_request import ReviewActionRequest
from .review_action_result import ReviewActionResult
from .review_item import ReviewItem
from .review_page import ReviewPage
from .review_summary import ReviewSummary
from .revoke_residence_request import RevokeResidenceRequest
from .roster_receipt import RosterReceipt
from .roster_upload import RosterUpload
from .round_action import RoundAction
from .round_create import RoundCreate
from .round_detail import RoundDetail
from .round_detail_eligibility import RoundDetailEligibility
from .round_detail_method_limits import RoundDetailMethodLimits
from .round_detail_objections_item import RoundDetailObjectionsItem
from .round_detail_schedule import RoundDetailSchedule
from .round_kind import RoundKind
from .round_objection_create import RoundObjectionCreate
from .round_page import RoundPage
from .round_queue_page import RoundQueuePage
from .round_result import RoundResult
from .round_summary import RoundSummary
from .schedule import Schedule
from .selection_rule import SelectionRule
from .session_call import SessionCall
from .session_start import SessionStart
from .session_start_pool import SessionStartPool
from .start_fund_project_request import StartFundProjectRequest
from .submission_receipt import SubmissionReceipt
from .submit_fund_application_request import SubmitFundApplicationRequest
from .suggestion_category import SuggestionCategory
from .suggestion_detail import SuggestionDetail
from .suggestion_page import SuggestionPage
from .suggestion_status import SuggestionStatus
from .suggestion_submission import SuggestionSubmission
from .suggestion_summary import SuggestionSummary
from .suggestion_timeline_event import SuggestionTimelineEvent
from .suggestion_timeline_event_details import SuggestionTimelineEventDetails
from .support_receipt import SupportReceipt
from .tally_job import TallyJob
from .tally_job_state import TallyJobState
from .tally_links import TallyLinks
from .tally_request import TallyRequest
from .team import Team
from .text_preference import TextPreference
from .text_preference_change import TextPreferenceChange
from .top_up import TopUp
from .topic_action import TopicAction
from .topic_action_request import TopicActionRequest
from .topic_detail import TopicDetail
from .topic_page import TopicPage
from .topic_status import TopicStatus
from .topic_submission import TopicSubmission
from .topic_summary import TopicSummary
from .transfer_suggestion_request import TransferSuggestionRequest
from .unregister_meeting_request import UnregisterMeetingRequest
from .verified_by import VerifiedBy
from .voting_method import VotingMethod
from .window import Window
from .window_view import WindowView
from .withdraw_fund_application_request import WithdrawFundApplicationRequest
from .year_schedule_update import YearScheduleUpdate
from .year_schedule_view import YearScheduleView
from .year_schedule_view_source import YearScheduleViewSource

__all__ = (
    "AcceptFundCompletionRequest",
    "AcceptSuggestionRequest",
    "Account",
    "AccountStatus",
    "ActionRequest",
    "ActionResult",
    "Adoption",
    "AnswerFundObjectionRequest",
    "AnswerTopicRequest",
    "AppealReceipt",
    "AppealRequest",
    "ApplicationDetail",
    "ApplicationDetailTeamType0",
    "ApplicationDetailView",
    "ApplicationDraft",
    "ApplicationPage",
    "ApplicationSummary",
    "ApplicationUpdate",
    "ApproveFundApplicationRequest",
    "ApproveResidenceRequest",
    "AssignSuggestionRequest",
    "BallotChange",
    "BallotReceipt",
    "BallotRequest",
    "Basis",
    "CancelFundApplicationRequest",
    "CancelMeetingRequest",
    "CancelRoundRequest",
    "CarriedTo",
    "CarryDecisionRequest",
    "CarryDecisionRequestApplicationType0",
    "CarryTarget",
    "Channel",
    "CloseFundApplicationRequest",
    "CloseRoundRequest",
    "CloseSuggestionRequest",
    "CodeRequest",
    "CodeSheet",
    "CommentEdit",
    "CommentSubmission",
    "CommentView",
    "CommunityType",
    "CompletionReport",
    "ConventionPage",
    "ConventionView",
    "CurrentResidence",
    "DataExport",
    "Deadlines",
    "DecisionView",
    "DeclineResidenceRequest",
    "DeclineSuggestionRequest",
    "DeliberationSettings",
    "DeliberationSettingsUpdate",
    "DigestChannel",
    "DigestPreference",
    "DigestPreferenceUpdate",
    "DisableOfficialRequest",
    "Division",
    "DivisionProfileUpdate",
    "DivisionSummary",
    "DivisionWithChildren",
    "Eligibility",
    "EnableOfficialRequest",
    "Erased",
    "ErasureReceipt",
    "ErasureState",
    "ErrorDetail",
    "ErrorResponse",
    "EvaluationCreate",
    "EvaluationSummary",
    "Expense",
    "ExpenseView",
    "ExportedAppeal",
    "ExportedComment",
    "ExportedFundApplication",
    "ExportedFundApplicationTeamType0",
    "ExportedFundApplicationView",
    "ExportedObjection",
    "ExportedRating",
    "ExportedRegistration",
    "ExportedReport",
    "ExportedResidenceRequest",
    "ExportedSuggestion",
    "ExportedSupport",
    "ExportedTopic",
    "ExtendSuggestionDeadlineRequest",
    "FreshTokens",
    "FreshTokensPool",
    "FundActionRequest",
    "FundApplicationFundingRequest",
    "FundCategory",
    "FundChannel",
    "FundObjectionCreate",
    "FundQueueItem",
    "FundQueuePage",
    "FundStatus",
    "FundTimelineEvent",
    "GatewayRefusal",
    "Health",
    "HeldBackItem",
    "HeldBackItemStatus",
    "HeldBackPage",
    "HeldBackReason",
    "HeldBackReasonKind",
    "HeldBackSource",
    "HeldBackSourceKind",
    "HiddenMark",
    "HidePostRequest",
    "InboxState",
    "IndexComponent",
    "IndexDimension",
    "IndexEntry",
    "IndexEntryChange",
    "IndexEntryFigures",
    "IndexEntryList",
    "IndexEntryUpdate",
    "IndexEntryValues",
    "IndexText",
    "IndexTrendPoint",
    "IndicatorKind",
    "IndicatorMethod",
    "Kept",
    "LedgerEntry",
    "LedgerPage",
    "LineItem",
    "LineView",
    "LiveIndex",
    "LiveIndexLevel",
    "MarkRead",
    "Me",
    "MeetingAction",
    "MeetingCreate",
    "MeetingDetail",
    "MeetingKind",
    "MeetingPage",
    "MeetingStatus",
    "MeetingSummary",
    "MeetingWhen",
    "MergedIntoCase",
    "MergeSuggestionRequest",
    "MethodKind",
    "MinutesView",
    "MovementKind",
    "MoveOfficialRequest",
    "MyBallot",
    "MyResidence",
    "NominationCreate",
    "NominationSource",
    "NominationView",
    "Notification",
    "NotificationPage",
    "NotLinked",
    "ObjectionView",
    "Official",
    "OfficialActionRequest",
    "OfficialCreate",
    "OfficialPage",
    "OfficialRole",
    "OpenApiDocument",
    "PaperApplicationEntry",
    "PaperBallotLine",
    "PaperBallotReport",
    "PaperBallots",
    "PathEntry",
    "PathStep",
    "Phase",
    "PhotoUploadForm",
    "PhotoUploadFormContentType",
    "PhotoUploadFormFields",
    "PhotoUploadRequest",
    "PhotoUploadRequestContentType",
    "Pool",
    "PoolAllocationReport",
    "PoolCreate",
    "PoolCreateAmountsByTypeType0",
    "PoolSkip",
    "ProgressUpdate",
    "ProgressView",
    "Project",
    "ProjectResult",
    "ProjectReview",
    "ProjectStatus",
    "ProposalCreate",
    "PublicationStatus",
    "PublicationStatusState",
    "QueueCounts",
    "QueueEntry",
    "QueueKind",
    "QueueName",
    "QueueOrder",
    "QueuePage",
    "RatingReceipt",
    "RatingRequest",
    "RatingSummary",
    "ReceiptUploadForm",
    "ReceiptUploadFormContentType",
    "ReceiptUploadFormFields",
    "ReceiptUploadRequest",
    "ReceiptUploadRequestContentType",
    "RecommendFundApplicationRequest",
    "RecordAttendanceRequest",
    "RecordDecisionRequest",
    "RecordMinutesRequest",
    "RegisterMeetingRequest",
    "RegistrationView",
    "RejectAppealRequest",
    "RejectFundApplicationRequest",
    "ReleaseRequest",
    "ReopenSuggestionRequest",
    "Reply",
    "ReplyToSuggestionRequest",
    "ReportFundCompletionRequest",
    "ReportReason",
    "ReportReceipt",
    "ReportRequest",
    "ReportView",
    "ResetOfficialMfaRequest",
    "ResidenceRequest",
    "ResidenceRequestCreate",
    "ResidenceStatus",
    "ResidenceTimelineEvent",
    "RestorePostRequest",
    "Retention",
    "ReturnFundApplicationForChangesRequest",
    "ReturnFundReportRequest",
    "ReturnSuggestionRequest",
    "ReviewActionRequest",
    "ReviewActionResult",
    "ReviewItem",
    "ReviewPage",
    "ReviewSummary",
    "RevokeResidenceRequest",
    "RosterReceipt",
    "RosterUpload",
    "RoundAction",
    "RoundCreate",
    "RoundDetail",
    "RoundDetailEligibility",
    "RoundDetailMethodLimits",
    "RoundDetailObjectionsItem",
    "RoundDetailSchedule",
    "RoundKind",
    "RoundObjectionCreate",
    "RoundPage",
    "RoundQueuePage",
    "RoundResult",
    "RoundSummary",
    "Schedule",
    "SelectionRule",
    "SessionCall",
    "SessionStart",
    "SessionStartPool",
    "StartFundProjectRequest",
    "SubmissionReceipt",
    "SubmitFundApplicationRequest",
    "SuggestionCategory",
    "SuggestionDetail",
    "SuggestionPage",
    "SuggestionStatus",
    "SuggestionSubmission",
    "SuggestionSummary",
    "SuggestionTimelineEvent",
    "SuggestionTimelineEventDetails",
    "SupportReceipt",
    "TallyJob",
    "TallyJobState",
    "TallyLinks",
    "TallyRequest",
    "Team",
    "TextPreference",
    "TextPreferenceChange",
    "TopicAction",
    "TopicActionRequest",
    "TopicDetail",
    "TopicPage",
    "TopicStatus",
    "TopicSubmission",
    "TopicSummary",
    "TopUp",
    "TransferSuggestionRequest",
    "UnregisterMeetingRequest",
    "VerifiedBy",
    "VotingMethod",
    "Window",
    "WindowView",
    "WithdrawFundApplicationRequest",
    "YearScheduleUpdate",
    "YearScheduleView",
    "YearScheduleViewSource",
)
