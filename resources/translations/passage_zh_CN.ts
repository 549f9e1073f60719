<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutView</name>
    <message>
        <source>About this information</source>
        <translation>关于这些信息</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>俄罗斯</translation>
    </message>
    <message>
        <source>International bodies and others</source>
        <translation>国际组织及其他</translation>
    </message>
    <message>
        <source>Everything in this guide comes from the sources below. Each topic lists the ones it uses. Laws and rules change: before you decide, check with the office or website named in the source.</source>
        <translation>本指南的所有内容都来自下面这些资料。每个主题都列出了它用到的资料。法律和规定会变：做决定之前，请向资料里提到的部门或网站再核实一次。</translation>
    </message>
    <message>
        <source>Laws, official notices and reports (%1)</source>
        <translation>法律、官方通知和报道（%1）</translation>
    </message>
    <message>
        <source>Confidence says how well a fact was checked. High: an official text, or several sources that agree. Medium: one source we trust.</source>
        <translation>“可信度”说明一条信息核实得有多充分。高：有官方文本，或者几个来源说法一致。中等：只有一个可靠的来源。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Background papers</source>
        <translation>背景文章</translation>
    </message>
    <message>
        <source>Two papers written for governments and researchers give background. They are not rules for you. Below, each part of them is told in our own words.</source>
        <translation>下面两篇文章是写给政府部门和研究人员的，只作背景参考，不是你要遵守的规定。每一部分的内容都由我们用自己的话重新说明。</translation>
    </message>
    <message>
        <source>Where to find it: %1</source>
        <translation>在哪里找到：%1</translation>
    </message>
    <message>
        <source>Checked in the project&apos;s notes: %1</source>
        <translation>本项目的核实记录：%1</translation>
    </message>
    <message>
        <source>What it says, part by part:</source>
        <translation>各部分讲了什么：</translation>
    </message>
</context>
<context>
    <name>ChecklistPlaceholder</name>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Not built yet. Here you will tick off the steps of your own plan, phase by phase, and print the checklist or save it as a PDF.</source>
        <translation>这一页还没有做好。以后你可以在这里按阶段勾掉自己计划里的每一步，还可以打印清单或存成PDF文件。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Passage&apos;s content files have problems:</source>
        <translation>程序自带的内容文件有问题：</translation>
    </message>
    <message>
        <source>There are problems in the file:</source>
        <translation>文件里有这些问题：</translation>
    </message>
    <message>
        <source>The answers file {path} does not exist.</source>
        <translation>答案文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>Saved the answers as the profile “{name}” in {path}.</source>
        <translation>已把这些回答存为档案“{name}”，位置：{path}。</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>Topics found: %1</source>
        <translation>找到%1个主题</translation>
    </message>
    <message>
        <source>Nothing was found for &quot;%1&quot;. Try a shorter word, or another word with the same meaning, such as: %2.</source>
        <translation>没有找到“%1”。请试试更短的词，或者意思相近的别的词，比如：%2。</translation>
    </message>
    <message>
        <source>&amp;Search the guide:</source>
        <translation>搜索指南(&amp;S)：</translation>
    </message>
    <message>
        <source>Related words: %1</source>
        <translation>相关词：%1</translation>
    </message>
    <message>
        <source>For example: passport</source>
        <translation>例如：护照</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>搜索指南</translation>
    </message>
    <message>
        <source>Contents of the guide</source>
        <translation>指南目录</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>About this &amp;information</source>
        <translation>关于这些信息(&amp;I)</translation>
    </message>
    <message>
        <source>About this information: all the sources</source>
        <translation>关于这些信息：全部资料来源</translation>
    </message>
</context>
<context>
    <name>GuidePlaceholder</name>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Not built yet. Here you will read about the legal ways to work abroad, each destination&apos;s rules, the training still ahead and the rights that protect you, with the source of every fact.</source>
        <translation>这一页还没有做好。以后你可以在这里了解出国务工的合法渠道、各个目的地的规定、还要参加的培训，以及保护你的权利。每条信息都注明出处。</translation>
    </message>
</context>
<context>
    <name>GuideText</name>
    <message>
        <source>Confidence: high</source>
        <translation>可信度：高</translation>
    </message>
    <message>
        <source>Confidence: fairly high</source>
        <translation>可信度：较高</translation>
    </message>
    <message>
        <source>Confidence: medium</source>
        <translation>可信度：中等</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>可信度：%1</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>(background reading, not a rule)</source>
        <translation>（背景参考，不是规定）</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>My plan</source>
        <translation>我的计划</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>Name of the person this plan is for:</source>
        <translation>这份计划是给谁的？请写名字：</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>改档案名</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名字：</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除档案</translation>
    </message>
    <message>
        <source>Delete the profile “%1” with all its answers, checklist ticks and notes? This cannot be undone.</source>
        <translation>要删除档案“%1”吗？它的全部回答、清单勾选和笔记都会一起删除，删除后不能恢复。</translation>
    </message>
    <message>
        <source>Preparing your plan…</source>
        <translation>正在准备你的计划…</translation>
    </message>
    <message>
        <source>You have answered %1 of %2 questions. The plan below changes as soon as an answer changes.</source>
        <translation>你已经回答了 %2 个问题中的 %1 个。你一改回答，下面的计划就会马上跟着变。</translation>
    </message>
    <message>
        <source>&amp;Change my answers</source>
        <translation>修改我的回答(&amp;C)</translation>
    </message>
    <message>
        <source>Stop: do not pay any more money and do not leave until the warning signs below are cleared up.</source>
        <translation>先停下：下面的危险信号弄清楚之前，不要再交钱，也不要出发。</translation>
    </message>
    <message>
        <source>Be careful: check the points below before you pay or sign.</source>
        <translation>要当心：交钱或签字之前，先核实下面几点。</translation>
    </message>
    <message>
        <source>No warning signs in your answers so far. Keep checking as things change.</source>
        <translation>从你目前的回答看，还没有发现危险信号。情况有变化时，请再检查一遍。</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>停下</translation>
    </message>
    <message>
        <source>CAUTION</source>
        <translation>当心</translation>
    </message>
    <message>
        <source>What to do now:</source>
        <translation>现在该做什么：</translation>
    </message>
    <message>
        <source>Read more</source>
        <translation>详细了解</translation>
    </message>
    <message>
        <source>Routes that fit you</source>
        <translation>适合你的渠道</translation>
    </message>
    <message>
        <source>What you still need</source>
        <translation>你还缺什么</translation>
    </message>
    <message>
        <source>%1 of %2 requirements met.</source>
        <translation>%2 项要求中已满足 %1 项。</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>by</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>All %1 open steps in your checklist</source>
        <translation>清单里还有 %1 项没完成，点这里查看全部</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>Passage helps you go abroad to work by legal routes: it asks about your plans, shows what the destination requires and which warning signs to watch for, and makes a checklist you can print. Everything stays on this computer.</source>
        <translation>出国务工指南帮你走合法渠道出国工作：它问你几个关于打算的问题，告诉你目的地有什么要求、要当心哪些危险信号，再给你做一份可以打印的清单。所有内容只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Whose plan is this?</source>
        <translation>这是谁的计划？</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>档案(&amp;P)：</translation>
    </message>
    <message>
        <source>Current profile</source>
        <translation>当前档案</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>新建档案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>改名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Create a new profile</source>
        <translation>新建一个档案</translation>
    </message>
    <message>
        <source>Rename the current profile</source>
        <translation>给当前档案改名</translation>
    </message>
    <message>
        <source>Delete the current profile</source>
        <translation>删除当前档案</translation>
    </message>
    <message>
        <source>Your plan</source>
        <translation>你的计划</translation>
    </message>
    <message>
        <source>Your plan is not ready yet. Answer the questionnaire: your plan will then show here, with warning signs first, the routes that fit you, what you still need and a checklist.</source>
        <translation>你的计划还没有生成。先回答问卷，计划就会显示在这里：最上面是危险信号，然后是适合你的渠道、你还缺什么，以及一份清单。</translation>
    </message>
    <message>
        <source>&amp;Start the questionnaire</source>
        <translation>开始回答问卷(&amp;S)</translation>
    </message>
    <message>
        <source>Where your data is kept</source>
        <translation>你的资料存在哪里</translation>
    </message>
    <message>
        <source>Portable mode: your data is kept next to the program, in this folder:</source>
        <translation>便携模式：你的资料和程序放在一起，在这个文件夹里：</translation>
    </message>
    <message>
        <source>Your data is kept in the folder chosen with --data-dir:</source>
        <translation>你的资料存在用 --data-dir 指定的文件夹里：</translation>
    </message>
    <message>
        <source>Your answers and notes are kept only on this computer, in this folder:</source>
        <translation>你的回答和笔记只存在这台电脑上，在这个文件夹里：</translation>
    </message>
    <message>
        <source>&amp;Open this folder</source>
        <translation>打开这个文件夹(&amp;O)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>档案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>显示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>新建档案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename profile…</source>
        <translation>改档案名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete profile…</source>
        <translation>删除档案(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>字大一些(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>字小一些(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>正常字号(&amp;N)</translation>
    </message>
    <message>
        <source>Passage · Working abroad guide — %1</source>
        <translation>Passage · 出国务工指南 — %1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Passage cannot open your data</source>
        <translation>无法打开你的资料</translation>
    </message>
    <message>
        <source>Your data was recovered</source>
        <translation>你的资料已经恢复</translation>
    </message>
    <message>
        <source>Passage&apos;s content could not be loaded</source>
        <translation>无法载入程序的内容</translation>
    </message>
    <message>
        <source>The Guide and the questionnaire are not available because these files have problems. Your own data is safe.</source>
        <translation>这些文件有问题，所以指南和问卷暂时用不了。你自己的资料没有受影响。</translation>
    </message>
    <message>
        <source>Your data at {path} was saved by a newer version of Passage (data version {found}; this version understands up to {supported}). To keep it safe, this version will not open or change it. Please install the newer version of Passage.</source>
        <translation>你在 {path} 的资料是用更新版本的出国务工指南保存的（资料版本 {found}，这个版本最多只认识到 {supported}）。为了保护你的资料，这个版本不会打开或改动它。请安装新版本。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written to (it is read-only).</source>
        <translation>资料文件夹 {path} 不能写入（它是只读的）。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Nothing new could be saved.</source>
        <translation>存放 {path} 的磁盘已经满了，新内容没能保存。</translation>
    </message>
    <message>
        <source>Your data at {path} is in use by another copy of Passage.</source>
        <translation>{path} 里的资料正被另一个打开的出国务工指南使用。</translation>
    </message>
    <message>
        <source>Your data file {path} was damaged while Passage was using it. Close Passage and start it again: it will set the damaged file aside and restore your newest backup.</source>
        <translation>你的资料文件 {path} 在使用中损坏了。请关掉程序再重新打开：程序会把损坏的文件放到一边，并用最新的备份恢复你的资料。</translation>
    </message>
    <message>
        <source>Your data at {path} cannot be read or written.</source>
        <translation>{path} 里的资料不能读取或写入。</translation>
    </message>
    <message>
        <source>What you saved before is safe. Free some space, close other copies of Passage, or choose another folder with --data-dir, then try again.</source>
        <translation>你以前保存的内容没有丢。请腾出一些磁盘空间、关掉其他打开的出国务工指南，或者用 --data-dir 换一个文件夹，然后再试一次。</translation>
    </message>
    <message>
        <source>Please type a name for the profile.</source>
        <translation>请给档案写一个名字。</translation>
    </message>
    <message>
        <source>That name is too long. Please use at most 80 characters.</source>
        <translation>名字太长了，最多80个字。</translation>
    </message>
    <message>
        <source>There is already a profile called “{name}”. Please choose another name.</source>
        <translation>已经有一个叫“{name}”的档案了，请换一个名字。</translation>
    </message>
    <message>
        <source>That name cannot be used.</source>
        <translation>这个名字不能用。</translation>
    </message>
    <message>
        <source>Passage could not use its data file: {error}</source>
        <translation>出国务工指南无法使用它的资料文件：{error}</translation>
    </message>
    <message>
        <source>Your data file was damaged and could not be read. Passage did not delete it: it was moved to {damaged}.</source>
        <translation>你的资料文件损坏了，读不出来。程序没有删除它，而是把它移到了 {damaged}。</translation>
    </message>
    <message>
        <source>Your data was restored from the most recent good backup ({backup}). Anything changed after that backup may be missing.</source>
        <translation>你的资料已经从最近一份完好的备份（{backup}）恢复。备份之后改动的内容可能没有了。</translation>
    </message>
    <message>
        <source>No good backup was found, so Passage started with empty data. Keep the damaged file: someone with technical skills may be able to rescue it.</source>
        <translation>没有找到完好的备份，所以程序从空白资料开始。请保留那个损坏的文件，懂技术的人也许能把里面的内容救回来。</translation>
    </message>
</context>
<context>
    <name>NotesPlaceholder</name>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Not built yet. Here you will keep notes: what the agency said, what you paid and to whom, names and dates. They stay on this computer.</source>
        <translation>这一页还没有做好。以后你可以在这里记笔记：中介说过什么、你付了多少钱、付给了谁、人名和日期。笔记只存在这台电脑上。</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>Warning signs</source>
        <translation>危险信号</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>停下</translation>
    </message>
    <message>
        <source>CAUTION</source>
        <translation>当心</translation>
    </message>
    <message>
        <source>Do now:</source>
        <translation>现在就做：</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>Routes that fit you</source>
        <translation>适合你的渠道</translation>
    </message>
    <message>
        <source>Ruled out:</source>
        <translation>不适合的渠道：</translation>
    </message>
    <message>
        <source>What the route requires</source>
        <translation>这条路的要求</translation>
    </message>
    <message>
        <source>Training and preparation</source>
        <translation>培训和准备</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Your rights</source>
        <translation>你的权利</translation>
    </message>
</context>
<context>
    <name>QuestionnairePlaceholder</name>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Not built yet. Here you will answer questions about your plans, one page at a time: where you want to go, who is recruiting you, what you have paid and signed. Every answer is saved at once.</source>
        <translation>这一页还没有做好。以后你可以在这里一页一页地回答关于你打算的问题：想去哪里、谁在招你、你付了什么钱、签了什么。每个回答都会马上保存。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language and text</source>
        <translation>语言和文字</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Te&amp;xt size:</source>
        <translation>字号(&amp;X)：</translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation>字号（百分比）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Reset the text size to 100%</source>
        <translation>把字号恢复到100%</translation>
    </message>
    <message>
        <source>About Passage</source>
        <translation>关于出国务工指南</translation>
    </message>
    <message>
        <source>Passage %1. It works without the internet and never sends anything anywhere.</source>
        <translation>出国务工指南 %1。它不用上网，也从不向任何地方发送任何内容。</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>资料文件夹：%1</translation>
    </message>
</context>
<context>
    <name>TopicView</name>
    <message>
        <source>Reviewed on %1</source>
        <translation>最后核对：%1</translation>
    </message>
    <message>
        <source>Facts as of %1</source>
        <translation>信息截至：%1</translation>
    </message>
    <message>
        <source>Text of the topic</source>
        <translation>主题正文</translation>
    </message>
    <message>
        <source>This information may have changed — it was last checked on %1. Check it with the official source named below.</source>
        <translation>这些信息可能已经变了，上次核对是在%1。请按下面列出的官方来源再核实一次。</translation>
    </message>
    <message>
        <source>Some facts here date from %1 and may have changed since. Check them with the official source named below.</source>
        <translation>这里有些信息是%1的，之后可能已经变了。请按下面列出的官方来源再核实一次。</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Topics in this section</source>
        <translation>这一部分的主题</translation>
    </message>
    <message>
        <source>Introduction to the section</source>
        <translation>这一部分的简介</translation>
    </message>
    <message>
        <source>Show what it says</source>
        <translation>看看讲了什么</translation>
    </message>
    <message>
        <source>Show what this passage says: %1</source>
        <translation>看看这一段讲了什么：%1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Note about this topic</source>
        <translation>关于这个主题的笔记</translation>
    </message>
    <message>
        <source>Write your note about &quot;%1&quot;:</source>
        <translation>写下你关于“%1”的笔记：</translation>
    </message>
    <message>
        <source>Website address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Passage does not open websites. To visit this page, type this address into a web browser: %1</source>
        <translation>Passage 不会打开网站。想看这个网页，请在浏览器里输入这个地址：%1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Where this information comes from</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>About all the sources…</source>
        <translation>查看全部资料来源…</translation>
    </message>
    <message>
        <source>Your notes about this topic</source>
        <translation>你关于这个主题的笔记</translation>
    </message>
    <message>
        <source>You have no notes about this topic yet. Notes stay on this computer.</source>
        <translation>你还没有关于这个主题的笔记。笔记只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>&amp;Add a note about this topic…</source>
        <translation>添加关于这个主题的笔记(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a note about this topic</source>
        <translation>添加关于这个主题的笔记</translation>
    </message>
</context>
</TS>
