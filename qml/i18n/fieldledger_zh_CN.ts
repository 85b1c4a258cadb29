<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraPage</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Take photos</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>The camera could not be opened: it may be in use by another app, or camera access is not allowed for this app. Allow it in the system settings, or import photos from files.</source>
        <translation>无法打开相机：可能正被其他应用使用，或本应用未获得相机权限。请在系统设置中允许使用相机，或从文件导入照片。</translation>
    </message>
    <message>
        <source>The photo was not taken. Try again.</source>
        <translation>未能拍照，请重试。</translation>
    </message>
    <message>
        <source>The camera cannot be used</source>
        <translation>无法使用相机</translation>
    </message>
    <message>
        <source>No camera on this device</source>
        <translation>本设备没有相机</translation>
    </message>
    <message>
        <source>Photos can still be added from files: choose “Add photo…” to import a JPEG or PNG.</source>
        <translation>仍可从文件添加照片：选择“添加照片…”导入 JPEG 或 PNG 图片。</translation>
    </message>
    <message>
        <source>Import from a file instead</source>
        <translation>改为从文件导入</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved, encrypted.</source>
        <translation>
            <numerusform>已加密保存 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>无相机</translation>
    </message>
    <message>
        <source>Camera unavailable</source>
        <translation>相机不可用</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
</context>
<context>
    <name>ChecklistItemDelegate</name>
    <message numerus="yes">
        <source>%n finding(s), −%1 of at most %2</source>
        <translation>
            <numerusform>%n 个问题，扣 %1 分（最多 %2 分）</numerusform>
        </translation>
    </message>
    <message>
        <source>At most −%1</source>
        <comment>maximum deduction of an item</comment>
        <translation>最多扣 %1 分</translation>
    </message>
    <message>
        <source>Record a finding</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <source>%1 of %2 items with findings</source>
        <translation>%2 项中 %1 项有问题</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>No checklist</source>
        <translation>暂无检查清单</translation>
    </message>
    <message>
        <source>The round&apos;s checklist arrives with the visit when the tablet syncs.</source>
        <translation>本轮次的检查清单会在平板同步时随走访任务一起下发。</translation>
    </message>
</context>
<context>
    <name>ConflictDelegate</name>
    <message>
        <source>%1 “%2” · %3</source>
        <comment>record type, record title, field name</comment>
        <translation>%1“%2” · %3</translation>
    </message>
    <message>
        <source>In force</source>
        <comment>the value a conflict&apos;s field has now</comment>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>保留此值</translation>
    </message>
    <message>
        <source>Other value</source>
        <comment>the concurrent value that lost</comment>
        <translation>另一值</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>采用此值</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Counting the findings of every round…</source>
        <translation>正在统计各轮次的问题…</translation>
    </message>
    <message>
        <source>No rounds on this device yet</source>
        <translation>本设备上还没有督查轮次</translation>
    </message>
    <message>
        <source>Rounds, their units and visits appear here once they are planned here or synced from the inspection office.</source>
        <translation>督查轮次及其被督查单位和走访在此处安排或从督查室同步后显示在这里。</translation>
    </message>
    <message>
        <source>Rounds</source>
        <comment>count of inspection rounds (轮次)</comment>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Units</source>
        <comment>count of inspected units</comment>
        <translation>被督查单位</translation>
    </message>
    <message>
        <source>Visits</source>
        <comment>count of visits (走访)</comment>
        <translation>走访</translation>
    </message>
    <message>
        <source>Findings</source>
        <comment>count of findings (问题)</comment>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rectification rate</source>
        <comment>整改率: closed ÷ all findings</comment>
        <translation>整改率</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>count of findings past their due date</comment>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Rectification rate per round</source>
        <translation>各轮次整改率</translation>
    </message>
    <message>
        <source>No rounds yet.</source>
        <translation>暂无督查轮次。</translation>
    </message>
    <message>
        <source>Rectification rate per unit</source>
        <translation>各单位整改率</translation>
    </message>
    <message>
        <source>No findings recorded yet: rates appear with the first finding.</source>
        <translation>尚未记录问题：记录第一个问题后即显示整改率。</translation>
    </message>
    <message>
        <source>Unit scores</source>
        <comment>heading: each unit&apos;s score, base minus deductions</comment>
        <translation>单位得分</translation>
    </message>
</context>
<context>
    <name>EnrolCodeCard</name>
    <message>
        <source>Enrol a new device</source>
        <comment>设备注册</comment>
        <translation>注册新设备</translation>
    </message>
    <message>
        <source>Inspector&apos;s tablet</source>
        <translation>督查人员平板</translation>
    </message>
    <message>
        <source>Office console</source>
        <translation>督查室电脑</translation>
    </message>
    <message>
        <source>Valid 24 hours</source>
        <translation>24小时内有效</translation>
    </message>
    <message>
        <source>Valid 3 days</source>
        <translation>3天内有效</translation>
    </message>
    <message>
        <source>Valid 7 days</source>
        <translation>7天内有效</translation>
    </message>
    <message>
        <source>Issue enrolment code</source>
        <translation>生成注册码</translation>
    </message>
    <message>
        <source>One-time code for %1:</source>
        <comment>the code is for: a device kind</comment>
        <translation>%1的一次性注册码：</translation>
    </message>
    <message>
        <source>Valid until %1. It works once; the server keeps no readable copy.</source>
        <translation>有效期至 %1。仅可使用一次；服务器不保存可读副本。</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制注册码</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>On the new tablet: Settings → Device enrolment, the server address %1 and this code.</source>
        <translation>在新平板上：设置 → 设备注册，填写服务器地址 %1 和此注册码。</translation>
    </message>
</context>
<context>
    <name>EnrolmentForm</name>
    <message>
        <source>Enrolled with %1 as an %2.</source>
        <comment>server address, device role</comment>
        <translation>已在 %1 注册为%2。</translation>
    </message>
    <message>
        <source>Not enrolled: everything stays on this tablet until it is.</source>
        <translation>尚未注册：注册前所有数据只保存在本平板上。</translation>
    </message>
    <message>
        <source>Name of this tablet, as the office will see it</source>
        <translation>本平板名称（督查室看到的名称）</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <source>Enrol again</source>
        <translation>重新注册</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>e.g. https://sync.example.org</source>
        <comment>example server address</comment>
        <translation>例如 https://sync.example.org</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <source>From the inspection office, e.g. XWJP-A4V2-FT8A-7BM3</source>
        <translation>由督查室提供，例如 XWJP-A4V2-FT8A-7BM3</translation>
    </message>
    <message>
        <source>e.g. Team 2 tablet</source>
        <comment>example device name</comment>
        <translation>例如 第二督查组平板</translation>
    </message>
</context>
<context>
    <name>EnrolmentPage</name>
    <message>
        <source>Enrol this tablet</source>
        <translation>注册本平板</translation>
    </message>
    <message>
        <source>To receive visits and send findings, enrol this tablet with the inspection office&apos;s sync server. You can skip this: the app works offline, and you can enrol later in Settings.</source>
        <translation>在督查室的同步服务器上注册本平板后，才能接收走访任务、上报发现的问题。也可以先跳过：应用离线可用，之后可在“设置”中注册。</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>暂时跳过</translation>
    </message>
</context>
<context>
    <name>ExportResultDialog</name>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>The export did not succeed</source>
        <translation>导出未成功</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
</context>
<context>
    <name>FieldText</name>
    <message>
        <source>Round</source>
        <comment>record type: 轮次</comment>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <comment>record type</comment>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <comment>record type: 被督查单位</comment>
        <translation>被督查单位</translation>
    </message>
    <message>
        <source>Visit</source>
        <comment>record type: 走访</comment>
        <translation>走访</translation>
    </message>
    <message>
        <source>Finding</source>
        <comment>record type: 问题</comment>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rectification step</source>
        <comment>record type: a status change of a finding</comment>
        <translation>整改记录</translation>
    </message>
    <message>
        <source>Interview note</source>
        <comment>record type: 谈话记录</comment>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>Photo</source>
        <comment>record type: evidence photo</comment>
        <translation>照片</translation>
    </message>
    <message>
        <source>Title</source>
        <comment>field of a finding</comment>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <comment>field of a finding</comment>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Category</source>
        <comment>field</comment>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <comment>field of a finding</comment>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Deduction</source>
        <comment>field of a finding: 扣分</comment>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Responsible unit or person</source>
        <comment>field: 责任单位/责任人</comment>
        <translation>责任单位或责任人</translation>
    </message>
    <message>
        <source>Due date</source>
        <comment>field: 整改时限</comment>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>field</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <comment>field: checklist level</comment>
        <translation>层级</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <comment>field of a finding</comment>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Location</source>
        <comment>field</comment>
        <translation>位置</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>field</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>field</comment>
        <translation>日期</translation>
    </message>
    <message>
        <source>Team</source>
        <comment>field of a visit: 督查组</comment>
        <translation>督查组</translation>
    </message>
    <message>
        <source>Text</source>
        <comment>field of a checklist item</comment>
        <translation>内容</translation>
    </message>
    <message>
        <source>Maximum deduction</source>
        <comment>field of a checklist item</comment>
        <translation>最高扣分</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <comment>field of an interview note</comment>
        <translation>谈话对象</translation>
    </message>
    <message>
        <source>Role</source>
        <comment>field of an interview note</comment>
        <translation>职务</translation>
    </message>
    <message>
        <source>Place</source>
        <comment>field of an interview note</comment>
        <translation>地点</translation>
    </message>
    <message>
        <source>What was said</source>
        <comment>field of an interview note</comment>
        <translation>谈话内容</translation>
    </message>
    <message>
        <source>Caption</source>
        <comment>field of a photo</comment>
        <translation>说明</translation>
    </message>
    <message>
        <source>Contact</source>
        <comment>field of a unit</comment>
        <translation>联系人</translation>
    </message>
    <message>
        <source>(empty)</source>
        <comment>a field with no value</comment>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>FindingDelegate</name>
    <message>
        <source>%1 · %2 · due %3</source>
        <comment>item code · severity · due date</comment>
        <translation>%1 · %2 · 整改时限 %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>item code · severity</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>FindingEditorPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Saved automatically</source>
        <translation>已自动保存</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Evidence photos</source>
        <translation>佐证照片</translation>
    </message>
    <message>
        <source>Photos can be added once the finding has a title.</source>
        <translation>填写问题标题后即可添加照片。</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Choose the item this finding falls under</source>
        <translation>选择该问题所属的检查项</translation>
    </message>
    <message>
        <source>%1 · deduction at most %2</source>
        <comment>checklist level · maximum deduction</comment>
        <translation>%1 · 最多扣 %2 分</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>问题标题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>What is wrong, in one line</source>
        <translation>一句话概括问题</translation>
    </message>
    <message>
        <source>Deduction (points)</source>
        <translation>扣分（分）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>0 to %1</source>
        <translation>0 至 %1</translation>
    </message>
    <message>
        <source>Responsible unit or person</source>
        <translation>责任单位或责任人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD（年-月-日）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>What was seen, where, and on what evidence</source>
        <translation>看到了什么、在哪里、有哪些佐证材料</translation>
    </message>
    <message>
        <source>Rectification status: %1</source>
        <translation>整改状态：%1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Findings (%1)</source>
        <comment>list header with the number of findings</comment>
        <translation>发现问题（%1）</translation>
    </message>
    <message>
        <source>No findings yet</source>
        <translation>尚未记录问题</translation>
    </message>
    <message>
        <source>Tap a checklist item to record a finding under it.</source>
        <translation>点击检查项即可在其下记录问题。</translation>
    </message>
</context>
<context>
    <name>HistoryDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>who took the step · when</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>InterviewDelegate</name>
    <message>
        <source>%1 (%2)</source>
        <comment>interviewee (position)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>interview time · place</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <comment>findings an interview note is linked to</comment>
        <translation>
            <numerusform>关联 %n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewEditorPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>New interview note</source>
        <translation>新建谈话记录</translation>
    </message>
    <message>
        <source>Interview note</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>Saved automatically</source>
        <translation>已自动保存</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Photos can be added once the note has the interviewee&apos;s name and some content.</source>
        <translation>填写谈话对象姓名和谈话内容后即可添加照片。</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>Interviewee</source>
        <translation>谈话对象</translation>
    </message>
    <message>
        <source>Position</source>
        <comment>the interviewee&apos;s post (职务)</comment>
        <translation>职务</translation>
    </message>
    <message>
        <source>Name of the person interviewed</source>
        <translation>谈话对象姓名</translation>
    </message>
    <message>
        <source>For example: secretary of the organ party committee</source>
        <translation>例如：机关党委书记</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>谈话内容</translation>
    </message>
    <message>
        <source>The conversation in the interviewee&apos;s words, as noted</source>
        <translation>按谈话对象的原话记录谈话内容</translation>
    </message>
</context>
<context>
    <name>InterviewsPanel</name>
    <message>
        <source>Interview notes (%1)</source>
        <comment>list header with the number of notes</comment>
        <translation>谈话记录（%1）</translation>
    </message>
    <message>
        <source>New interview note</source>
        <translation>新建谈话记录</translation>
    </message>
    <message>
        <source>No interview notes yet</source>
        <translation>暂无谈话记录</translation>
    </message>
    <message>
        <source>Record who was interviewed, when and where, and what was said.</source>
        <translation>记录谈话对象、时间、地点和谈话内容。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Party group (committee)</source>
        <comment>checklist level 1: 党组（党委）</comment>
        <translation>党组（党委）</translation>
    </message>
    <message>
        <source>Organ party committee</source>
        <comment>checklist level 2: 机关党委</comment>
        <translation>机关党委</translation>
    </message>
    <message>
        <source>Grassroots party organisations</source>
        <comment>checklist level 3: 基层党组织</comment>
        <translation>基层党组织</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>finding status: recorded, rectification not started</comment>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Rectifying</source>
        <comment>finding status: 整改中</comment>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <comment>finding status: 待验收</comment>
        <translation>待验收</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>finding status: 销号</comment>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Minor</source>
        <comment>finding severity</comment>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Moderate</source>
        <comment>finding severity</comment>
        <translation>一般</translation>
    </message>
    <message>
        <source>Serious</source>
        <comment>finding severity</comment>
        <translation>严重</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>visit status</comment>
        <translation>待走访</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>visit status</comment>
        <translation>走访中</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>visit status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Start rectification</source>
        <comment>finding action: the unit begins 整改</comment>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>Submit for verification</source>
        <comment>finding action: the unit reports it fixed</comment>
        <translation>提交验收</translation>
    </message>
    <message>
        <source>Verification passed</source>
        <comment>finding action: 验收通过</comment>
        <translation>验收通过</translation>
    </message>
    <message>
        <source>Verification not passed</source>
        <comment>finding action: 验收不通过</comment>
        <translation>验收不通过</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>finding status before → after</comment>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>LedgerDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>unit · checklist item code</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <comment>due date passed</comment>
        <translation>已超期（整改时限 %1）</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>整改时限 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>responsible party · due date</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>LedgerDetailPanel</name>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>被督查单位</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>%1 · %2 · −%3</source>
        <comment>item code · severity · points deducted</comment>
        <translation>%1 · %2 · 扣 %3 分</translation>
    </message>
    <message>
        <source>Responsible unit or person</source>
        <translation>责任单位或责任人</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Verify…</source>
        <comment>open the 验收 dialog</comment>
        <translation>验收…</translation>
    </message>
    <message>
        <source>Edit the finding</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <source>Closed (销号): no further step.</source>
        <comment>ledger: a closed finding</comment>
        <translation>已销号，无后续步骤。</translation>
    </message>
    <message>
        <source>Rectification history</source>
        <translation>整改记录</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>No step yet: the finding is as it was recorded.</source>
        <translation>尚无整改步骤：问题仍是记录时的状态。</translation>
    </message>
    <message>
        <source>Evidence photos</source>
        <translation>佐证照片</translation>
    </message>
    <message>
        <source>Choose a finding</source>
        <translation>请选择一个问题</translation>
    </message>
    <message>
        <source>Its rectification history and next step show here.</source>
        <translation>这里显示它的整改记录和下一步操作。</translation>
    </message>
</context>
<context>
    <name>LedgerFilterBar</name>
    <message>
        <source>Search titles</source>
        <translation>搜索问题标题</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看超期</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the whole ledger…</source>
        <translation>正在读取全部台账…</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message numerus="yes">
        <source>%n finding(s) exported to %1</source>
        <translation>
            <numerusform>已将 %n 个问题导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Ledger</source>
        <comment>page title: the findings tracked until closed (台账)</comment>
        <translation>问题台账</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <comment>toolbar action: save the ledger as a CSV file</comment>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export the ledger as CSV</source>
        <translation>将台账导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>No findings in this round yet</source>
        <translation>本轮次暂无问题</translation>
    </message>
    <message>
        <source>No finding matches</source>
        <translation>没有符合条件的问题</translation>
    </message>
    <message>
        <source>Findings recorded on the round&apos;s visits are tracked here until they are closed.</source>
        <translation>本轮次各次走访发现的问题在此跟踪，直至销号。</translation>
    </message>
    <message>
        <source>Change the filters or the search to see more.</source>
        <translation>调整筛选条件或搜索词可看到更多问题。</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <comment>toolbar action: save the ledger as an Excel workbook</comment>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <source>Ledger exported to %1</source>
        <translation>台账已导出到 %1</translation>
    </message>
    <message>
        <source>Export the ledger as XLSX</source>
        <translation>将台账导出为 XLSX</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>LinkedFindingsPanel</name>
    <message>
        <source>Linked findings (%1 of %2)</source>
        <comment>ticked of all findings of the visit</comment>
        <translation>关联问题（共 %2 个，已选 %1 个）</translation>
    </message>
    <message>
        <source>The visit has no findings yet.</source>
        <translation>本次走访暂无问题。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>item code, finding title</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>LocationField</name>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <comment>no location</comment>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Finding position…</source>
        <translation>正在定位…</translation>
    </message>
    <message>
        <source>Refresh location</source>
        <translation>重新定位</translation>
    </message>
    <message>
        <source>Use current location</source>
        <translation>使用当前位置</translation>
    </message>
    <message>
        <source>Clear location</source>
        <translation>清除位置</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>FieldLedger</source>
        <comment>window title; the product name 督查台账</comment>
        <translation>督查台账</translation>
    </message>
</context>
<context>
    <name>OfficeConsolePage</name>
    <message>
        <source>Dashboard</source>
        <comment>office console section: figures and charts</comment>
        <translation>概览</translation>
    </message>
    <message>
        <source>Visits</source>
        <comment>office console section: every visit (走访)</comment>
        <translation>走访</translation>
    </message>
    <message>
        <source>Ledger</source>
        <comment>office console section: the rounds&apos; ledgers (台账)</comment>
        <translation>台账</translation>
    </message>
    <message>
        <source>Planning</source>
        <comment>office console section: rounds, checklists, units, visits</comment>
        <translation>计划安排</translation>
    </message>
    <message>
        <source>Sync</source>
        <comment>office console section: open the sync page</comment>
        <translation>同步</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>office console section: open the settings</comment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Office console</source>
        <comment>page title: the inspection office&apos;s console (督查室)</comment>
        <translation>督查室工作台</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>action: read the figures again</comment>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Lock</source>
        <comment>action: lock the vault now</comment>
        <translation>锁定</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>暂无走访</translation>
    </message>
    <message>
        <source>Visits appear here once they are planned here or synced from the inspection office.</source>
        <translation>走访在此处安排或从督查室同步后显示在这里。</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <source>Overdue</source>
        <comment>heading: findings past their due date, not closed</comment>
        <translation>逾期问题</translation>
    </message>
    <message>
        <source>the %1 most overdue of %2</source>
        <translation>共 %2 个，显示逾期最久的 %1 个</translation>
    </message>
    <message>
        <source>No finding is past its due date.</source>
        <translation>没有超过整改时限的问题。</translation>
    </message>
    <message>
        <source>due %1</source>
        <comment>due date of a finding</comment>
        <translation>整改时限 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in ledger</source>
        <comment>link: show this finding in the ledger</comment>
        <translation>在台账中查看</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <source>Current passphrase</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>再次输入新口令</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>正在修改…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
</context>
<context>
    <name>PhotoFileDialog</name>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PhotoImageProvider</name>
    <message>
        <source>The app is closing.</source>
        <translation>应用正在关闭。</translation>
    </message>
    <message>
        <source>Locked. Unlock to see this photo.</source>
        <translation>已锁定。解锁后才能查看此照片。</translation>
    </message>
    <message>
        <source>This photo is not on this tablet yet. It arrives with the next sync.</source>
        <translation>此照片尚未传到本平板，下次同步时送达。</translation>
    </message>
    <message>
        <source>This photo&apos;s file is damaged and cannot be shown.</source>
        <translation>此照片的文件已损坏，无法显示。</translation>
    </message>
    <message>
        <source>This photo address is not valid.</source>
        <translation>照片地址无效。</translation>
    </message>
    <message>
        <source>This photo was deleted or is not on this tablet.</source>
        <translation>此照片已删除，或不在本平板上。</translation>
    </message>
    <message>
        <source>This photo could not be decoded. The rest of the record is not affected.</source>
        <translation>此照片无法解码。记录的其他内容不受影响。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photos can be added once this is saved.</source>
        <translation>保存后即可添加照片。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>photo strip heading, count</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Not on this tablet yet</source>
        <translation>尚未传到本平板</translation>
    </message>
    <message>
        <source>No camera on this device</source>
        <translation>本设备没有相机</translation>
    </message>
    <message>
        <source>Take photo…</source>
        <translation>拍照…</translation>
    </message>
</context>
<context>
    <name>PhotoViewerPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>PlanningChecklistPanel</name>
    <message>
        <source>Item %1 added.</source>
        <translation>已添加减分项 %1。</translation>
    </message>
    <message>
        <source>New checklist item</source>
        <comment>form title: a deduction item (减分项)</comment>
        <translation>新增减分项</translation>
    </message>
    <message>
        <source>Create a round first: its checklist is made here.</source>
        <translation>请先创建轮次，再在此编制其检查清单。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Maximum deduction (points)</source>
        <translation>最高扣分（分）</translation>
    </message>
    <message>
        <source>e.g. 1.2</source>
        <translation>例如：1.2</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>例如：5</translation>
    </message>
    <message>
        <source>What is checked</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>What is checked, e.g. the study sessions follow the plan</source>
        <translation>检查内容，例如：理论学习中心组按计划开展学习</translation>
    </message>
    <message>
        <source>Category (optional)</source>
        <translation>类别（可选）</translation>
    </message>
    <message>
        <source>e.g. Organisational life</source>
        <comment>checklist category example</comment>
        <translation>例如：组织生活</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加减分项</translation>
    </message>
    <message>
        <source>Checklist of this round</source>
        <translation>本轮检查清单</translation>
    </message>
    <message>
        <source>No items yet.</source>
        <translation>还没有减分项。</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Planning</source>
        <comment>page title: the office plans rounds (督查计划)</comment>
        <translation>督查计划</translation>
    </message>
    <message>
        <source>Round</source>
        <comment>planning tab: the round (轮次) and its base scores</comment>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Checklist</source>
        <comment>planning tab: deduction items (检查清单)</comment>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Units and visits</source>
        <comment>planning tab</comment>
        <translation>单位与走访</translation>
    </message>
    <message>
        <source>Team and enrolment</source>
        <comment>planning tab: devices, sharing, enrolment codes</comment>
        <translation>督查组与设备注册</translation>
    </message>
</context>
<context>
    <name>PlanningRoundPanel</name>
    <message>
        <source>Round &quot;%1&quot; created. Add its checklist next.</source>
        <translation>已创建轮次“%1”。下一步请添加检查清单。</translation>
    </message>
    <message>
        <source>New round</source>
        <comment>form title: a new inspection round (轮次)</comment>
        <translation>新建轮次</translation>
    </message>
    <message>
        <source>Name of the round</source>
        <translation>轮次名称</translation>
    </message>
    <message>
        <source>e.g. 2026 fourth round</source>
        <comment>round name example</comment>
        <translation>例如：2026年第四轮</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>2026-11-01</source>
        <comment>date format example</comment>
        <translation>2026-11-01</translation>
    </message>
    <message>
        <source>2026-12-31</source>
        <comment>date format example</comment>
        <translation>2026-12-31</translation>
    </message>
    <message>
        <source>Base score per level (deductions are taken from it)</source>
        <translation>各层级基础分（减分从中扣除）</translation>
    </message>
    <message>
        <source>Create round</source>
        <translation>创建轮次</translation>
    </message>
    <message>
        <source>Everything planned here is saved on this device at once, also offline, and reaches the server with the next sync once the round is shared.</source>
        <translation>此处的计划内容立即保存在本设备上（离线亦可）；轮次共享后，随下次同步上传到服务器。</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>No rounds yet: create the first one.</source>
        <translation>还没有轮次，请创建第一个。</translation>
    </message>
</context>
<context>
    <name>PlanningTeamPanel</name>
    <message>
        <source>Tablets enrolled with the server</source>
        <translation>已在服务器注册的平板</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No other device is enrolled yet: issue a code on the right and enrol the tablet with it.</source>
        <translation>还没有其他设备注册：请在右侧生成注册码，并用它注册平板。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>device name (role)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message numerus="yes">
        <source>Share round with %n device(s)</source>
        <translation>
            <numerusform>与 %n 台设备共享轮次</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing gives these tablets the round&apos;s key. They receive the round, its checklist, units and visits with their next sync.</source>
        <translation>共享即把本轮次的密钥交给这些平板。它们在下次同步时收到轮次及其检查清单、单位和走访。</translation>
    </message>
</context>
<context>
    <name>PlanningUnitsPanel</name>
    <message>
        <source>Visit to %1 planned.</source>
        <translation>已安排对%1的走访。</translation>
    </message>
    <message>
        <source>Create a round first: units and visits belong to it.</source>
        <translation>请先创建轮次：单位和走访都属于某一轮次。</translation>
    </message>
    <message>
        <source>New unit</source>
        <comment>form title: an inspected unit (被督查单位)</comment>
        <translation>新增被督查单位</translation>
    </message>
    <message>
        <source>Name of the unit</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>e.g. Provincial Department of Transport</source>
        <translation>例如：省交通运输厅</translation>
    </message>
    <message>
        <source>Contact (optional)</source>
        <translation>联系人（可选）</translation>
    </message>
    <message>
        <source>e.g. Office director Wang, 0571-8700 0000</source>
        <translation>例如：王主任，0571-8700 0000</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>New visit</source>
        <comment>form title: a visit (走访) to a unit</comment>
        <translation>新增走访</translation>
    </message>
    <message>
        <source>Unit visited</source>
        <translation>走访单位</translation>
    </message>
    <message>
        <source>Add a unit first</source>
        <translation>请先添加单位</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>2026-11-20</source>
        <comment>date format example</comment>
        <translation>2026-11-20</translation>
    </message>
    <message>
        <source>Team: tick the enrolled tablets, or type names</source>
        <translation>督查组：勾选已注册的平板，或输入姓名</translation>
    </message>
    <message>
        <source>Team: type the inspectors&apos; names, separated by commas. The enrolled tablets can be picked here when the server is in reach.</source>
        <translation>督查组：输入督查人员姓名，用逗号分隔。连接到服务器时，可在此勾选已注册的平板。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>device name (role)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Team members, e.g. Zhang Ming, Li Hua</source>
        <translation>督查组成员，例如：张明、李华</translation>
    </message>
    <message>
        <source>Plan visit</source>
        <translation>安排走访</translation>
    </message>
    <message>
        <source>Units of this round</source>
        <translation>本轮被督查单位</translation>
    </message>
    <message>
        <source>No units yet.</source>
        <translation>还没有单位。</translation>
    </message>
    <message>
        <source>Visits of this round</source>
        <translation>本轮走访</translation>
    </message>
    <message>
        <source>No visits yet.</source>
        <translation>还没有走访。</translation>
    </message>
</context>
<context>
    <name>RoundLedgerPanel</name>
    <message>
        <source>Save the ledger as XLSX</source>
        <translation>将台账保存为 XLSX</translation>
    </message>
    <message>
        <source>Save the ledger as CSV</source>
        <translation>将台账保存为 CSV</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>rectification rate %1</source>
        <comment>整改率</comment>
        <translation>整改率 %1</translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>打开台账</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <comment>action: save the ledger as an Excel workbook</comment>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <comment>action: save the ledger as a CSV file</comment>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>No rounds on this device yet</source>
        <translation>本设备上还没有督查轮次</translation>
    </message>
    <message>
        <source>Each round&apos;s ledger can be opened and exported here.</source>
        <translation>可在此打开和导出各轮次的台账。</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Score</source>
        <comment>the unit&apos;s score on this visit (得分)</comment>
        <translation>得分</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>score / base</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>page title: 设置</comment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Device enrolment</source>
        <comment>设备注册</comment>
        <translation>设备注册</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>UI language setting</comment>
        <translation>语言</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>Lock after this long without use (and always when the app goes to the background):</source>
        <translation>无操作多长时间后锁定（应用转入后台时总是立即锁定）：</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Sync</source>
        <comment>page title: 同步</comment>
        <translation>同步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>action: stop the running sync</comment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <comment>list header: fields two devices changed at once</comment>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>没有冲突</translation>
    </message>
    <message>
        <source>When this tablet and another device change the same field before they sync, both values appear here for you to choose.</source>
        <translation>本平板与其他设备在同步前修改了同一字段时，两个值都会列在这里，由您选择保留哪一个。</translation>
    </message>
</context>
<context>
    <name>SyncStatusPanel</name>
    <message>
        <source>%1 · %2</source>
        <comment>server address · device role</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not enrolled with a server</source>
        <translation>尚未在服务器注册</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Everything on this tablet has been sent.</source>
        <translation>本平板上的内容已全部上传。</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1, %2</source>
        <comment>pending change sets, pending photo files</comment>
        <translation>待同步：%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 项修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s)</source>
        <translation>
            <numerusform>%n 个照片文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are kept on this tablet and sent when the server is in reach.</source>
        <translation>修改保存在本平板上，连上服务器后自动上传。</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message numerus="yes">
        <source>Sync runs by itself every %n minute(s) while the server is in reach, and as soon as the network comes back. Photos go after the records, smallest first.</source>
        <translation>
            <numerusform>联网时每 %n 分钟自动同步一次，网络恢复时立即同步。照片在记录之后上传，小文件优先。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Verification (验收)</source>
        <comment>dialog title</comment>
        <translation>验收</translation>
    </message>
    <message>
        <source>Check the rectification against the ledger, then record the result.</source>
        <translation>对照台账检查整改情况，然后记录验收结果。</translation>
    </message>
    <message>
        <source>Passed</source>
        <comment>verification result: 通过</comment>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <comment>verification result: 不通过</comment>
        <translation>不通过</translation>
    </message>
    <message>
        <source>Choose passed or not passed.</source>
        <translation>请选择“通过”或“不通过”。</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>The inspector&apos;s name</source>
        <translation>督查人员姓名</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>检查情况</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Documents and places checked, what was found</source>
        <translation>查阅了哪些材料、查看了哪些地方、发现了什么</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence photo(s)</source>
        <translation>
            <numerusform>%n 张佐证照片</numerusform>
        </translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>UnitScoreDelegate</name>
    <message>
        <source>Ledger</source>
        <comment>button on a round&apos;s heading: open its ledger (台账)</comment>
        <translation>台账</translation>
    </message>
    <message>
        <source>%1 %2 / %3</source>
        <comment>level, its score / its base</comment>
        <translation>%1 %2 / %3</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次走访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n closed</source>
        <comment>findings closed (销号)</comment>
        <translation>
            <numerusform>已销号 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>rectification rate %1</source>
        <comment>整改率</comment>
        <translation>整改率 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <comment>findings past their due date</comment>
        <translation>
            <numerusform>逾期 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>FieldLedger</source>
        <comment>product name 督查台账</comment>
        <translation>督查台账</translation>
    </message>
    <message>
        <source>Choose a passphrase. It encrypts everything on this tablet; without it nobody, including you, can read the data.</source>
        <translation>请设置口令。平板上的全部数据都用它加密；没有口令，任何人（包括您自己）都无法读取。</translation>
    </message>
    <message>
        <source>Enter your passphrase to unlock.</source>
        <translation>请输入口令解锁。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>Create and unlock</source>
        <translation>创建并解锁</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>%n 秒后可再试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Locks itself after %n minute(s) without use and when the app goes to the background.</source>
        <translation>
            <numerusform>%n 分钟无操作或应用转入后台时自动锁定。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsavedChangeDialog</name>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>留在此页</translation>
    </message>
    <message>
        <source>Leave without it</source>
        <translation>放弃此改动并离开</translation>
    </message>
    <message>
        <source>%1

Stay to keep what you typed: it is saved as soon as it can be. Leaving now discards that change; everything saved before stays.</source>
        <translation>%1

留在此页可保留所输入的内容，一旦条件允许即自动保存。现在离开将放弃这一改动；此前已保存的内容不受影响。</translation>
    </message>
</context>
<context>
    <name>VisitDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>visit date · team</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not synced</source>
        <comment>changes of this visit not yet synced</comment>
        <translation>
            <numerusform>%n 项待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Ledger</source>
        <comment>button on a round&apos;s heading: open its ledger (台账)</comment>
        <translation>台账</translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message>
        <source>Visits</source>
        <comment>page title: the inspector&apos;s visits (走访)</comment>
        <translation>走访</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock</source>
        <comment>action: lock the vault now</comment>
        <translation>锁定</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>暂无走访任务</translation>
    </message>
    <message>
        <source>Visits assigned to this tablet appear here after a sync with the inspection office.</source>
        <translation>与督查室同步后，分配给本平板的走访任务会显示在这里。</translation>
    </message>
    <message>
        <source>Sync · %1</source>
        <comment>toolbar: sync, then its state</comment>
        <translation>同步 · %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>toolbar action: open the settings</comment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Office console</source>
        <comment>toolbar action: open the office&apos;s console (督查室)</comment>
        <translation>督查室工作台</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>visit date · round · status</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Score and findings</source>
        <translation>得分与问题</translation>
    </message>
    <message>
        <source>This visit is not on this tablet</source>
        <translation>本平板上没有这次走访</translation>
    </message>
    <message>
        <source>Go back and choose a visit from the list.</source>
        <translation>请返回，从列表中选择一次走访。</translation>
    </message>
    <message>
        <source>Ledger</source>
        <comment>toolbar action: open the round&apos;s ledger (台账)</comment>
        <translation>台账</translation>
    </message>
</context>
<context>
    <name>VisitReportButton</name>
    <message>
        <source>Report PDF</source>
        <comment>toolbar action: save the visit report as a PDF file</comment>
        <translation>督查报告 PDF</translation>
    </message>
    <message>
        <source>Save the visit report</source>
        <translation>保存督查报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>fl::app::AppServices</name>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Too many wrong passphrases: wait until the countdown ends.</source>
        <translation>口令错误次数过多，请等倒计时结束后再试。</translation>
    </message>
    <message>
        <source>Could not create the data folder %1.</source>
        <translation>无法创建数据文件夹 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong passphrase (%n failed attempt(s) in a row).</source>
        <translation>
            <numerusform>口令错误（已连续失败 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked. Unlock to continue.</source>
        <translation>已锁定，请解锁后继续。</translation>
    </message>
</context>
<context>
    <name>fl::app::ConflictListModel</name>
    <message>
        <source>This tablet</source>
        <comment>who wrote a value</comment>
        <translation>本平板</translation>
    </message>
    <message>
        <source>Device %1</source>
        <comment>who wrote a value: a short device id</comment>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>who wrote a value · when</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>fl::app::FindingEditor</name>
    <message>
        <source>Enter the deduction as a number, for example 2 or 2.5.</source>
        <translation>扣分请填数字，例如 2 或 2.5。</translation>
    </message>
    <message>
        <source>Enter the due date as YYYY-MM-DD, for example 2026-12-31.</source>
        <translation>整改时限请按“年-月-日”填写，例如 2026-12-31。</translation>
    </message>
    <message>
        <source>Locked: this change is kept here and saved when you unlock.</source>
        <translation>已锁定：此项修改保留在本页，解锁后自动保存。</translation>
    </message>
    <message>
        <source>%1° %2</source>
        <comment>coordinate, hemisphere</comment>
        <translation>%2%1°</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>latitude, longitude</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north</comment>
        <translation>北纬</translation>
    </message>
    <message>
        <source>S</source>
        <comment>south</comment>
        <translation>南纬</translation>
    </message>
    <message>
        <source>E</source>
        <comment>east</comment>
        <translation>东经</translation>
    </message>
    <message>
        <source>W</source>
        <comment>west</comment>
        <translation>西经</translation>
    </message>
    <message>
        <source>accuracy not given by the position source</source>
        <translation>定位来源未提供精度</translation>
    </message>
    <message>
        <source>± %1 m</source>
        <comment>position accuracy in metres</comment>
        <translation>± %1 米</translation>
    </message>
    <message>
        <source>The device is full: free some space (delete old files or apps). Nothing typed was lost: it stays here and is saved as soon as there is room.</source>
        <translation>设备存储空间已满：请清理空间（删除旧文件或应用）。已输入的内容没有丢失：它保留在这里，一有空间就会自动保存。</translation>
    </message>
</context>
<context>
    <name>fl::app::FindingLifecycle</name>
    <message>
        <source>This step is not known.</source>
        <translation>未知的步骤。</translation>
    </message>
    <message>
        <source>No finding is chosen.</source>
        <translation>尚未选择问题。</translation>
    </message>
    <message>
        <source>Locked: unlock, then record the step again.</source>
        <translation>已锁定：请解锁后重新记录这一步。</translation>
    </message>
</context>
<context>
    <name>fl::app::InterviewEditor</name>
    <message>
        <source>Enter the time as YYYY-MM-DD HH:MM, for example 2026-11-20 10:00.</source>
        <translation>请按 YYYY-MM-DD HH:MM 填写时间，例如 2026-11-20 10:00。</translation>
    </message>
    <message>
        <source>Locked: this change is kept here and saved when you unlock.</source>
        <translation>已锁定：此项修改保留在本页，解锁后自动保存。</translation>
    </message>
</context>
<context>
    <name>fl::app::LedgerModel</name>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>By due date</source>
        <comment>ledger sort order</comment>
        <translation>按整改时限</translation>
    </message>
    <message>
        <source>By deduction</source>
        <comment>ledger sort order</comment>
        <translation>按扣分</translation>
    </message>
    <message>
        <source>By status</source>
        <comment>ledger sort order</comment>
        <translation>按整改状态</translation>
    </message>
    <message>
        <source>Choose a file on this device to export to.</source>
        <translation>请选择本设备上的文件作为导出位置。</translation>
    </message>
    <message>
        <source>Unlock to export the ledger.</source>
        <translation>解锁后才能导出台账。</translation>
    </message>
    <message>
        <source>ledger</source>
        <comment>file name of a ledger export: 台账</comment>
        <translation>台账</translation>
    </message>
    <message>
        <source>As recorded</source>
        <comment>ledger sort order</comment>
        <translation>按记录顺序</translation>
    </message>
</context>
<context>
    <name>fl::app::OfficePlanning</name>
    <message>
        <source>Write dates as year-month-day, for example 2026-11-20.</source>
        <translation>日期请按“年-月-日”填写，例如 2026-11-20。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>a round&apos;s period: start – end</comment>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>checklist item: code, text</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 · at most %2 points</source>
        <comment>checklist level · maximum deduction</comment>
        <translation>%1 · 最高扣 %2 分</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>visit: unit · date</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <comment>a visit&apos;s team</comment>
        <translation>督查组：%1</translation>
    </message>
    <message>
        <source>This console is not enrolled with the inspection office&apos;s server, so it cannot list devices, share rounds or issue codes. Enrol it in Settings with an office code; what you plan here is kept and synced after that.</source>
        <translation>本机尚未在督查室服务器注册，无法列出设备、共享轮次或生成注册码。请在“设置”中用督查室注册码注册；此处的计划会保留，注册后再同步。</translation>
    </message>
    <message>
        <source>This device is enrolled as an inspector&apos;s tablet: only an inspection office device can list devices, share rounds and issue codes.</source>
        <translation>本设备注册为督查人员平板：只有督查室设备可以列出设备、共享轮次和生成注册码。</translation>
    </message>
    <message>
        <source>Offline: the server is not in reach. What you plan is kept on this device. Connect to the office network, then share the round and issue codes.</source>
        <translation>离线：无法连接服务器。计划内容保存在本设备上。请连接督查室网络后再共享轮次、生成注册码。</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>office</source>
        <comment>device role</comment>
        <translation>督查室</translation>
    </message>
    <message>
        <source>inspector</source>
        <comment>device role</comment>
        <translation>督查人员</translation>
    </message>
    <message>
        <source>an inspection office console</source>
        <translation>督查室电脑</translation>
    </message>
    <message>
        <source>an inspector&apos;s tablet</source>
        <translation>督查人员平板</translation>
    </message>
    <message>
        <source>The vault is locked; unlock it first.</source>
        <translation>保险库已锁定，请先解锁。</translation>
    </message>
    <message>
        <source>Write the base score of the level &quot;%1&quot; as a number, for example 100.</source>
        <translation>“%1”层级的基础分请填写数字，例如 100。</translation>
    </message>
    <message>
        <source>Create a round first: checklist items belong to a round.</source>
        <translation>请先创建轮次：减分项属于某一轮次。</translation>
    </message>
    <message>
        <source>Choose the level the item belongs to.</source>
        <translation>请选择减分项所属层级。</translation>
    </message>
    <message>
        <source>Write the maximum deduction as a number of points, for example 5.</source>
        <translation>最高扣分请填写分值，例如 5。</translation>
    </message>
    <message>
        <source>Create a round first: units are inspected within a round.</source>
        <translation>请先创建轮次：单位在某一轮次中接受督查。</translation>
    </message>
    <message>
        <source>Create a round first: visits belong to a round.</source>
        <translation>请先创建轮次：走访属于某一轮次。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>an error, then what to do</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Create a round first.</source>
        <translation>请先创建轮次。</translation>
    </message>
    <message>
        <source>Pick at least one device to share with.</source>
        <translation>请至少选择一台要共享的设备。</translation>
    </message>
    <message numerus="yes">
        <source>Shared with %n device(s). They receive the round and its visits with their next sync.</source>
        <translation>
            <numerusform>已与 %n 台设备共享。它们将在下次同步时收到该轮次及其走访。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fl::app::PassphraseMeter</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters; a few words are easy to type and hard to guess.</source>
        <translation>
            <numerusform>太短：至少 %n 个字符；几个词连在一起，既好输入又难猜。</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add another word, or mix in digits, capitals or punctuation.</source>
        <translation>弱：再加一个词，或混用数字、大写字母、标点。</translation>
    </message>
    <message>
        <source>Fair: one or two more words make it much stronger.</source>
        <translation>一般：再加一两个词会强得多。</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>较强。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
</context>
<context>
    <name>fl::app::PhotoListModel</name>
    <message>
        <source>%1 × %2</source>
        <comment>photo size in pixels</comment>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Save the record first: photos are attached to a saved finding or note.</source>
        <translation>请先保存：照片只能附在已保存的问题或谈话记录上。</translation>
    </message>
    <message>
        <source>Choose an image file on this device.</source>
        <translation>请选择本设备上的图片文件。</translation>
    </message>
    <message>
        <source>This file is not a JPEG or PNG photo.</source>
        <translation>此文件不是 JPEG 或 PNG 照片。</translation>
    </message>
    <message>
        <source>This photo is damaged or incomplete and could not be read.</source>
        <translation>此照片已损坏或不完整，无法读取。</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>找不到该文件。</translation>
    </message>
    <message>
        <source>Locked. Unlock to continue.</source>
        <translation>已锁定，请解锁后继续。</translation>
    </message>
    <message>
        <source>The camera gave no picture. Try again.</source>
        <translation>相机未返回照片，请重试。</translation>
    </message>
    <message>
        <source>The picture could not be encoded. Try again.</source>
        <translation>照片无法编码，请重试。</translation>
    </message>
    <message>
        <source>The device is full: free some space (delete old files or apps), then add the photo again. Nothing saved before was lost.</source>
        <translation>设备存储空间已满：请清理空间（删除旧文件或应用）后重新添加照片。此前保存的内容没有丢失。</translation>
    </message>
</context>
<context>
    <name>fl::app::PositionFinder</name>
    <message>
        <source>Location is not allowed for this app. Allow it in the system settings to record where a finding is; everything else works without it.</source>
        <translation>本应用未获得定位权限。如需记录问题的发现地点，请在系统设置中允许定位；其他功能不受影响。</translation>
    </message>
    <message>
        <source>No position fix arrived in time. Move to open sky or near a window and try again, or leave the location empty.</source>
        <translation>未能及时获得定位。请到开阔处或靠近窗户后重试，也可以不填写位置。</translation>
    </message>
    <message>
        <source>The location service was switched off. Switch it on and try again, or leave the location empty.</source>
        <translation>定位服务已关闭。请打开后重试，也可以不填写位置。</translation>
    </message>
    <message>
        <source>The location service failed. Try again, or leave the location empty.</source>
        <translation>定位服务出错。请重试，也可以不填写位置。</translation>
    </message>
    <message>
        <source>This device has no location service (no GPS or position source was found). The finding is kept without a location.</source>
        <translation>本设备没有定位服务（未找到 GPS 或其他定位来源）。问题将不带位置保存。</translation>
    </message>
</context>
<context>
    <name>fl::app::ReportExport</name>
    <message>
        <source>There is not enough space on the disk to save %1. Nothing was changed: free some space or choose another place, then export again.</source>
        <translation>磁盘空间不足，无法保存 %1。未作任何更改：请清理部分空间或选择其他位置，然后重新导出。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to. Nothing was changed: choose another folder, for example your documents, and export again.</source>
        <translation>无法写入文件夹 %1。未作任何更改：请选择其他文件夹（例如“文档”），然后重新导出。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist (any more). Choose another folder and export again.</source>
        <translation>文件夹 %1 不存在（或已被删除）。请选择其他文件夹，然后重新导出。</translation>
    </message>
    <message>
        <source>Could not save %1: %2. Nothing was changed: try again or choose another place.</source>
        <translation>无法保存 %1：%2。未作任何更改：请重试或选择其他位置。</translation>
    </message>
    <message>
        <source>Unlock to export.</source>
        <translation>请先解锁再导出。</translation>
    </message>
    <message>
        <source>Choose a file on this device to export to.</source>
        <translation>请选择本设备上的文件作为导出位置。</translation>
    </message>
    <message>
        <source>There is no ledger to export.</source>
        <translation>没有可导出的台账。</translation>
    </message>
    <message>
        <source>visit-report</source>
        <comment>file name of a visit report: 督查报告</comment>
        <translation>督查报告</translation>
    </message>
    <message>
        <source>ledger</source>
        <comment>file name of a ledger export: 台账</comment>
        <translation>台账</translation>
    </message>
</context>
<context>
    <name>fl::app::SettingsController</name>
    <message>
        <source>Unlock first.</source>
        <translation>请先解锁。</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>两次输入的新口令不一致。</translation>
    </message>
    <message>
        <source>The new passphrase is the current one.</source>
        <translation>新口令与当前口令相同。</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>口令已修改，今后请使用新口令。</translation>
    </message>
    <message>
        <source>The current passphrase is wrong; nothing was changed.</source>
        <translation>当前口令不正确，未做任何修改。</translation>
    </message>
    <message>
        <source>Too many wrong passphrases: wait a moment and try again.</source>
        <translation>口令错误次数过多，请稍候再试。</translation>
    </message>
</context>
<context>
    <name>fl::app::SyncStatus</name>
    <message>
        <source>Offline</source>
        <comment>sync state: the server is not in reach (离线)</comment>
        <translation>离线</translation>
    </message>
    <message>
        <source>Online</source>
        <comment>sync state: the server answered</comment>
        <translation>在线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <comment>sync state: a sync runs</comment>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>inspection office</source>
        <comment>device role: an office console (督查室)</comment>
        <translation>督查室设备</translation>
    </message>
    <message>
        <source>inspector&apos;s tablet</source>
        <comment>device role: a field tablet</comment>
        <translation>督查组平板</translation>
    </message>
    <message>
        <source>Receiving round keys</source>
        <translation>正在接收轮次密钥</translation>
    </message>
    <message>
        <source>Sending changes: %1 of %2</source>
        <translation>正在上传修改：%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Receiving changes: %n received</source>
        <translation>
            <numerusform>正在接收修改：已接收 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending photos: %1 of %2</source>
        <translation>正在上传照片：%1 / %2</translation>
    </message>
    <message>
        <source>Receiving photos: %1 of %2</source>
        <translation>正在接收照片：%1 / %2</translation>
    </message>
    <message>
        <source>%1 sent · %2 received</source>
        <comment>bytes of the running or last sync</comment>
        <translation>上传 %1 · 接收 %2</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>an error, then what to do</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>无法连接服务器。</translation>
    </message>
    <message>
        <source>Nothing is lost: changes stay on this tablet and are sent when the server is in reach. If this lasts, check the network (Wi-Fi or mobile data).</source>
        <translation>数据不会丢失：修改保存在本平板上，连上服务器后自动上传。如长时间无法连接，请检查网络（无线网络或移动数据）。</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>服务器没有响应。</translation>
    </message>
    <message>
        <source>Nothing is lost; sync tries again by itself.</source>
        <translation>数据不会丢失，稍后会自动重试同步。</translation>
    </message>
    <message>
        <source>The server is failing or busy (HTTP %1).</source>
        <translation>服务器出错或繁忙（HTTP %1）。</translation>
    </message>
    <message>
        <source>Nothing is lost; sync tries again later. Tell the inspection office if this lasts.</source>
        <translation>数据不会丢失，稍后会自动重试。如持续出现，请告知督查室。</translation>
    </message>
    <message>
        <source>This tablet&apos;s clock is more than 5 minutes off the server&apos;s.</source>
        <translation>本平板的时钟与服务器相差超过 5 分钟。</translation>
    </message>
    <message>
        <source>Correct the date and time in the system settings, then tap Sync now.</source>
        <translation>请在系统设置中校正日期和时间，然后点“立即同步”。</translation>
    </message>
    <message>
        <source>The inspection office has revoked this tablet: it can no longer sync.</source>
        <translation>督查室已注销本平板，无法再同步。</translation>
    </message>
    <message>
        <source>Contact the office. Unsynced changes stay on this tablet.</source>
        <translation>请联系督查室。未同步的修改仍保存在本平板上。</translation>
    </message>
    <message>
        <source>The server does not know this tablet.</source>
        <translation>服务器不认识本平板。</translation>
    </message>
    <message>
        <source>Enrol it again in Settings with a new code from the inspection office.</source>
        <translation>请向督查室索取新的注册码，在“设置”中重新注册。</translation>
    </message>
    <message>
        <source>The server refused a repeated request.</source>
        <translation>服务器拒绝了一个重复的请求。</translation>
    </message>
    <message>
        <source>The server did not accept this tablet&apos;s signature.</source>
        <translation>服务器不接受本平板的签名。</translation>
    </message>
    <message>
        <source>Check the server address in Settings, or enrol the tablet again.</source>
        <translation>请在“设置”中检查服务器地址，或重新注册本平板。</translation>
    </message>
    <message>
        <source>This tablet is not a member of that round.</source>
        <translation>本平板不是该轮次的成员。</translation>
    </message>
    <message>
        <source>Ask the inspection office to share the round with this tablet.</source>
        <translation>请督查室把该轮次分发给本平板。</translation>
    </message>
    <message>
        <source>The enrolment code is wrong, already used or expired.</source>
        <translation>注册码不正确、已使用或已过期。</translation>
    </message>
    <message>
        <source>Ask the inspection office for a new code.</source>
        <translation>请向督查室索取新的注册码。</translation>
    </message>
    <message>
        <source>Enter the one-time code from the inspection office.</source>
        <translation>请输入督查室提供的一次性注册码。</translation>
    </message>
    <message>
        <source>Only an inspection office device may do this.</source>
        <translation>只有督查室设备可以执行此操作。</translation>
    </message>
    <message>
        <source>That is not a server address the app can use.</source>
        <translation>这不是可用的服务器地址。</translation>
    </message>
    <message>
        <source>Write it like https://sync.example.org (plain http:// only for this machine).</source>
        <translation>请按 https://sync.example.org 的格式填写（http:// 仅限本机地址）。</translation>
    </message>
    <message>
        <source>The server speaks another version of the sync protocol.</source>
        <translation>服务器使用的同步协议版本不同。</translation>
    </message>
    <message>
        <source>Update the app, or ask the inspection office to update the server. Nothing is lost.</source>
        <translation>请更新应用，或请督查室更新服务器。数据不会丢失。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>服务器拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>The app and the server may not match: update the app. Nothing is lost.</source>
        <translation>应用与服务器可能版本不匹配，请更新应用。数据不会丢失。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off or not understood; nothing from it was used.</source>
        <translation>服务器的应答不完整或无法识别，已全部弃用。</translation>
    </message>
    <message>
        <source>Sync tries again by itself. If this keeps happening, check the server address in Settings.</source>
        <translation>稍后会自动重试。如反复出现，请在“设置”中检查服务器地址。</translation>
    </message>
    <message>
        <source>A sync is running.</source>
        <translation>正在同步。</translation>
    </message>
    <message>
        <source>Try again when it has finished.</source>
        <translation>请在同步结束后再试。</translation>
    </message>
    <message>
        <source>Sync was cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>Tap Sync now to continue where it stopped.</source>
        <translation>点“立即同步”可从中断处继续。</translation>
    </message>
    <message>
        <source>This tablet is not enrolled with the inspection office&apos;s server yet.</source>
        <translation>本平板尚未在督查室的服务器上注册。</translation>
    </message>
    <message>
        <source>Enrol it in Settings with the server address and a one-time code from the office. Until then everything is kept on this tablet.</source>
        <translation>请在“设置”中填写服务器地址和督查室提供的一次性注册码进行注册。注册前所有数据保存在本平板上。</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified, so nothing was sent.</source>
        <translation>无法验证服务器的身份，未发送任何数据。</translation>
    </message>
    <message>
        <source>Check the server address and this tablet&apos;s date and time, or ask the inspection office.</source>
        <translation>请检查服务器地址和本平板的日期时间，或咨询督查室。</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>已锁定。</translation>
    </message>
    <message>
        <source>Unlock it; sync then resumes by itself.</source>
        <translation>解锁后会自动继续同步。</translation>
    </message>
    <message>
        <source>This tablet&apos;s storage is full.</source>
        <translation>本平板存储空间已满。</translation>
    </message>
    <message>
        <source>Free some space; sync then continues where it stopped.</source>
        <translation>请清理存储空间，之后同步会从中断处继续。</translation>
    </message>
    <message>
        <source>Sync stopped because this tablet could not read or write its own data.</source>
        <translation>本平板无法读写自身数据，同步已停止。</translation>
    </message>
    <message>
        <source>Restart the app. If this happens again, contact the inspection office.</source>
        <translation>请重新启动应用。如再次出现，请联系督查室。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>上传 %n 项修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) received</source>
        <translation>
            <numerusform>接收 %n 项修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) sent</source>
        <translation>
            <numerusform>上传 %n 个照片文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) received</source>
        <translation>
            <numerusform>接收 %n 个照片文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to exchange</source>
        <translation>没有需要交换的内容</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>what the last sync exchanged · bytes</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were made while this tablet&apos;s clock ran more than an hour ahead of the server&apos;s time. The server takes them once its time catches up.</source>
        <translation>
            <numerusform>有 %n 项修改是在本平板时钟比服务器时间快一小时以上时做的。服务器时间赶上后会接收这些修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the date, time and time zone in the system settings. Nothing is lost: the changes stay on this tablet until the server takes them.</source>
        <translation>请在系统设置中检查日期、时间和时区。数据不会丢失：服务器接收之前，这些修改一直保存在本平板上。</translation>
    </message>
</context>
<context>
    <name>fl::app::VisitListModel</name>
    <message>
        <source>%1 – %2</source>
        <comment>round period: start – end</comment>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>fl::lifecycle</name>
    <message>
        <source>open</source>
        <comment>finding status</comment>
        <translation>待整改</translation>
    </message>
    <message>
        <source>rectifying</source>
        <comment>finding status</comment>
        <translation>整改中</translation>
    </message>
    <message>
        <source>awaiting verification</source>
        <comment>finding status</comment>
        <translation>待验收</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>finding status</comment>
        <translation>已销号</translation>
    </message>
    <message>
        <source>in an unknown state</source>
        <comment>finding status</comment>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>start rectification</source>
        <comment>finding action</comment>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>submit for verification</source>
        <comment>finding action</comment>
        <translation>提交验收</translation>
    </message>
    <message>
        <source>verification passed</source>
        <comment>finding action</comment>
        <translation>验收通过</translation>
    </message>
    <message>
        <source>verification not passed</source>
        <comment>finding action</comment>
        <translation>验收不通过</translation>
    </message>
    <message>
        <source>an unknown action</source>
        <comment>finding action</comment>
        <translation>未知操作</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be put into rectification; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能开始整改，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be submitted for verification; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能提交验收，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be verified as passed; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能验收通过，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be verified as not passed; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能判定验收不通过，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>The action &quot;%1&quot; is not known.</source>
        <translation>未知操作“%1”。</translation>
    </message>
    <message>
        <source>A closed finding is final.</source>
        <translation>已销号的问题不能再变更。</translation>
    </message>
    <message>
        <source>The step is recorded as going from %1 to %2, but &quot;%3&quot; takes a finding that is %1 to %4.</source>
        <translation>该步骤记录为从“%1”到“%2”，但“%3”会把“%1”的问题变为“%4”。</translation>
    </message>
    <message>
        <source>Record who took this step: the person&apos;s name is missing.</source>
        <translation>请记录操作人：缺少姓名。</translation>
    </message>
    <message>
        <source>A verification needs a note saying what was checked.</source>
        <translation>验收需要填写说明，写明核查了什么。</translation>
    </message>
</context>
<context>
    <name>fl::validation</name>
    <message>
        <source>party group</source>
        <comment>level</comment>
        <translation>党组（党委）</translation>
    </message>
    <message>
        <source>organ party committee</source>
        <comment>level</comment>
        <translation>机关党委</translation>
    </message>
    <message>
        <source>grassroots party organisation</source>
        <comment>level</comment>
        <translation>基层党组织</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>level</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>The finding needs a title.</source>
        <translation>问题需要填写标题。</translation>
    </message>
    <message>
        <source>Choose the checklist item this finding falls under.</source>
        <translation>请选择该问题所属的检查项。</translation>
    </message>
    <message>
        <source>The finding is filed under checklist item %1, not under item %2.</source>
        <translation>该问题归在检查项 %1 下，而不是检查项 %2。</translation>
    </message>
    <message>
        <source>The finding belongs to visit %1, not to visit %2.</source>
        <translation>该问题属于走访 %1，而不是走访 %2。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The finding is on the %1 level, but item %2 belongs to the %3 level.</source>
        <translation>该问题属于“%1”层级，但检查项 %2 属于“%3”层级。</translation>
    </message>
    <message>
        <source>The deduction must be a number.</source>
        <translation>扣分必须是数字。</translation>
    </message>
    <message>
        <source>Deduction %1 is negative; enter 0 or more.</source>
        <translation>扣分 %1 为负数，请填 0 或以上。</translation>
    </message>
    <message>
        <source>Deduction %1 exceeds the maximum of %2 for item %3.</source>
        <translation>扣分 %1 超过检查项 %3 的最高扣分 %2。</translation>
    </message>
    <message>
        <source>The due date %1 is before the visit on %2.</source>
        <translation>整改时限 %1 早于走访日期 %2。</translation>
    </message>
    <message>
        <source>The round needs a name.</source>
        <translation>轮次需要名称。</translation>
    </message>
    <message>
        <source>The round ends on %1, before it starts on %2.</source>
        <translation>轮次结束日期 %1 早于开始日期 %2。</translation>
    </message>
    <message>
        <source>The base score %1 for the %2 level must be greater than 0.</source>
        <translation>“%2”层级的基础分 %1 必须大于 0。</translation>
    </message>
    <message>
        <source>The checklist item needs a code, such as 1.2.3.</source>
        <translation>检查项需要编号，例如 1.2.3。</translation>
    </message>
    <message>
        <source>Checklist item %1 needs a text saying what is checked.</source>
        <translation>检查项 %1 需要写明检查内容。</translation>
    </message>
    <message>
        <source>Checklist item %1 has an unknown level (%2).</source>
        <translation>检查项 %1 的层级未知（%2）。</translation>
    </message>
    <message>
        <source>The maximum deduction %1 for item %2 must be greater than 0.</source>
        <translation>检查项 %2 的最高扣分 %1 必须大于 0。</translation>
    </message>
    <message>
        <source>The unit needs a name.</source>
        <translation>被督查单位需要名称。</translation>
    </message>
    <message>
        <source>Choose the unit this visit is to.</source>
        <translation>请选择本次走访的被督查单位。</translation>
    </message>
    <message>
        <source>The visit needs a date.</source>
        <translation>走访需要日期。</translation>
    </message>
    <message>
        <source>The interview note needs the name of the person interviewed.</source>
        <translation>谈话记录需要填写谈话对象姓名。</translation>
    </message>
    <message>
        <source>The interview note with %1 has no content.</source>
        <translation>与 %1 的谈话记录没有内容。</translation>
    </message>
</context>
</TS>
