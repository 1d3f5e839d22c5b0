""" Contains all the data models used in inputs/outputs """

from .accept_fund_completion_request import AcceptFundCompletionRequest
from .accept_suggestion_request import AcceptSuggestionRequest
from .account import Account
from .account_status import AccountStatus
from .action_request import ActionRequest
from .action_result import ActionResult
from .adoption import Adoption
from .answer_fund_objection_request import AnswerFundObjectionRequest
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
from .cancel_round_request import CancelRoundRequest
from .channel import Channel
from .close_fund_application_request import CloseFundApplicationRequest
from .close_round_request import CloseRoundRequest
from .close_suggestion_request import CloseSuggestionRequest
from .code_request import CodeRequest
from .code_sheet import CodeSheet
from .community_type import CommunityType
from .completion_report import CompletionReport
from .current_residence import CurrentResidence
from .data_export import DataExport
from .deadlines import Deadlines
from .decline_residence_request import DeclineResidenceRequest
from .decline_suggestion_request import DeclineSuggestionRequest
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
from .exported_objection import ExportedObjection
from .exported_rating import ExportedRating
from .exported_residence_request import ExportedResidenceRequest
from .exported_suggestion import ExportedSuggestion
from .extend_suggestion_deadline_request import ExtendSuggestionDeadlineRequest
from .fresh_tokens import FreshTokens
from .fresh_tokens_pool import FreshTokensPool
from .fund_action_request import FundActionRequest
from .fund_application_funding_request import FundApplicationFundingRequest
from .fund_category import FundCategory
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
from .inbox_state import InboxState
from .kept import Kept
from .ledger_entry import LedgerEntry
from .ledger_page import LedgerPage
from .line_item import LineItem
from .line_view import LineView
from .mark_read import MarkRead
from .me import Me
from .merge_suggestion_request import MergeSuggestionRequest
from .merged_into_case import MergedIntoCase
from .method_kind import MethodKind
from .move_official_request import MoveOfficialRequest
from .movement_kind import MovementKind
from .my_ballot import MyBallot
from .my_residence import MyResidence
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
from .paper_ballot_line import PaperBallotLine
from .paper_ballot_report import PaperBallotReport
from .paper_ballots import PaperBallots
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
from .queue_name import QueueName
from .queue_order import QueueOrder
from .rating_receipt import RatingReceipt
from .rating_request import RatingRequest
from .rating_summary import RatingSummary
from .receipt_upload_form import ReceiptUploadForm
from .receipt_upload_form_content_type import ReceiptUploadFormContentType
from .receipt_upload_form_fields import ReceiptUploadFormFields
from .receipt_upload_request import ReceiptUploadRequest
from .receipt_upload_request_content_type import ReceiptUploadRequestContentType
from .recommend_fund_application_request import RecommendFundApplicationRequest
from .reject_fund_application_request import RejectFundApplicationRequest
from .release_request import ReleaseRequest
from .reopen_suggestion_request import ReopenSuggestionRequest
from .reply import Reply
from .reply_to_suggestion_request import ReplyToSuggestionRequest
from .report_fund_completion_request import ReportFundCompletionRequest
from .report_view import ReportView
from .reset_official_mfa_request import ResetOfficialMfaRequest
from .residence_request import ResidenceRequest
from .residence_request_create import ResidenceRequestCreate
from .residence_status import ResidenceStatus
from .residence_timeline_event import ResidenceTimelineEvent
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
from .tally_job import TallyJob
from .tally_job_state import TallyJobState
from .tally_links import TallyLinks
from .tally_request import TallyRequest
from .team import Team
from .top_up import TopUp
from .transfer_suggestion_request import TransferSuggestionRequest
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
    "CancelRoundRequest",
    "Channel",
    "CloseFundApplicationRequest",
    "CloseRoundRequest",
    "CloseSuggestionRequest",
    "CodeRequest",
    "CodeSheet",
    "CommunityType",
    "CompletionReport",
    "CurrentResidence",
    "DataExport",
    "Deadlines",
    "DeclineResidenceRequest",
    "DeclineSuggestionRequest",
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
    "ExportedObjection",
    "ExportedRating",
    "ExportedResidenceRequest",
    "ExportedSuggestion",
    "ExtendSuggestionDeadlineRequest",
    "FreshTokens",
    "FreshTokensPool",
    "FundActionRequest",
    "FundApplicationFundingRequest",
    "FundCategory",
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
    "InboxState",
    "Kept",
    "LedgerEntry",
    "LedgerPage",
    "LineItem",
    "LineView",
    "MarkRead",
    "Me",
    "MergedIntoCase",
    "MergeSuggestionRequest",
    "MethodKind",
    "MovementKind",
    "MoveOfficialRequest",
    "MyBallot",
    "MyResidence",
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
    "PaperBallotLine",
    "PaperBallotReport",
    "PaperBallots",
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
    "QueueName",
    "QueueOrder",
    "RatingReceipt",
    "RatingRequest",
    "RatingSummary",
    "ReceiptUploadForm",
    "ReceiptUploadFormContentType",
    "ReceiptUploadFormFields",
    "ReceiptUploadRequest",
    "ReceiptUploadRequestContentType",
    "RecommendFundApplicationRequest",
    "RejectFundApplicationRequest",
    "ReleaseRequest",
    "ReopenSuggestionRequest",
    "Reply",
    "ReplyToSuggestionRequest",
    "ReportFundCompletionRequest",
    "ReportView",
    "ResetOfficialMfaRequest",
    "ResidenceRequest",
    "ResidenceRequestCreate",
    "ResidenceStatus",
    "ResidenceTimelineEvent",
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
    "TallyJob",
    "TallyJobState",
    "TallyLinks",
    "TallyRequest",
    "Team",
    "TopUp",
    "TransferSuggestionRequest",
    "VerifiedBy",
    "VotingMethod",
    "Window",
    "WindowView",
    "WithdrawFundApplicationRequest",
    "YearScheduleUpdate",
    "YearScheduleView",
    "YearScheduleViewSource",
)
