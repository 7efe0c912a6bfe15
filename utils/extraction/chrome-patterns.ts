/**
 * Patterns that recognise page chrome (share bars, newsletter boxes, "related"
 * lists, ads, datelines) by class/id or by text. Kept apart from the removal
 * logic so the rules can be read, and tested, as data.
 */

/** Class/id words of widgets that are never article prose. */
export const CHROME_CLASS = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'share\\w*',
      'sharing',
      'social\\w*',
      'newsletter\\w*',
      'subscribe\\w*',
      'subscription\\w*',
      'signup',
      'sign-up',
      'related\\w*',
      'outbrain',
      'taboola',
      'advert\\w*',
      'ad',
      'ads',
      'adslot',
      'ad-slot',
      'adunit',
      'ad-unit',
      'ad-container',
      'ad-wrapper',
      'dfp',
      'sponsor\\w*',
      'comments?',
      'author-(?:bio|box|info|card|profile|description)',
      'authorbox',
      'about-(?:the-)?authors?',
      'post-author',
      'bio-box',
      'byline\\w*',
      'clap\\w*',
      'follow-button',
      'read-?more',
      'more-from',
      'read-?next',
      'up-next',
      'trending',
      'most-read',
      'most-popular',
      'popular-posts',
      'tags',
      'tag-list',
      'post-tags',
      'cookie\\w*',
      'gdpr',
      'paywall',
      'toolbar',
      'print-button',
      'skip-link',
      'sr-only',
      'visually-hidden',
      'screen-reader-text',
      'inline-related',
      'also-read',
      // Hover cards and tooltips: hidden until hovered, they splice link lists into sentences.
      'rollover\\w*',
      'tooltip\\w*',
      'popover\\w*',
      'hovercard\\w*',
    ].join('|') +
    ')(?:$|[\\s_-])',
  'i',
);

/** Whole-block texts that are labels of chrome, not content. */
export const CHROME_LINE = new RegExp(
  '^(?:' +
    [
      'advertisement',
      'advert',
      'ad',
      'sponsored(?: content)?',
      'story continues below(?: advertisement)?',
      'article continues below(?: advertisement)?',
      'continue reading(?: below)?',
      'scroll to continue(?: with content)?',
      'skip to (?:main )?content',
      'skip (?:the )?ad',
      'this slideshow requires javascript',
      'share(?: this(?: article| story| post)?)?(?: on \\w+)?',
      'tweet',
      'email',
      'print',
      'copy link',
      'link copied',
      'follow us(?: on \\w+)?',
      'image \\d+ of \\d+',
      'view (?:image )?gallery',
      'click to (?:share|email|print)[^.]*',
      'recommended(?: for you)?',
      'related(?: articles| stories| posts| content| coverage)?',
      "more from [\\w .’']{1,60}",
      'read (?:more|next)',
      'you (?:may|might) also like',
      'most (?:popular|read)',
      'trending(?: now)?',
      'comments?',
      'leave a (?:comment|reply)',
      'loading(?:\\.\\.\\.|…)?',
      'please enable javascript[^.]*',
      'tell us what you think',
      'about the authors?',
      'post (?:a )?comment',
      'add (?:a )?comment',
      'view comments',
      'show comments',
      'see more',
      'watch(?: the)? video',
      'listen to (?:this )?article',
      // Interface labels that leak from headers and galleries.
      'sign in',
      'log ?in',
      'register',
      'subscribe(?: now| today)?',
      'menu',
      'search',
      'close',
      'expand',
      'collapse',
      'caption',
      'hide caption',
      'toggle caption',
      'next',
      'previous',
      'prev',
      'back to top',
      'enlarge this image',
      'like this (?:story|article)\\? share it with a friend',
      'share (?:this|the) (?:story|article) with a friend',
      // "Advertisement" in other languages.
      'anzeige',
      'werbung',
      'publicité',
      'publicidad',
      'pubblicità',
      'publicidade',
      'advertentie',
      'reklame',
      'reklama',
      'iklan',
      'реклама',
      '广告',
      '広告',
      '광고',
    ].join('|') +
    ')[\\s:.!…]*$',
  'i',
);

/** A block starting like this and made mostly of links is a pointer to other articles. */
export const RELATED_LEAD =
  /^(?:related|read more|more|see more|see also|also read|also see|read also|recommended|don[’']?t miss|must read|watch|listen|latest|trending|popular|more on this|more from|more stories|you may also like|further reading)\b[\s\w’']{0,30}[:|»>-]/i;

/** Headings that introduce a list of links to other articles. */
export const RELATED_HEADING =
  /^(?:more|related(?: \w+)?|more (?:from|on|stories|articles|like this)\b.*|more (?:great |top )?[\w’' ]{0,25} (?:stories|articles|news|reads)|read (?:more|next|also)|see also|you (?:may|might) also (?:like|enjoy)|recommended(?: for you| reading)?|most (?:popular|read|viewed)|trending(?: now| stories)?|popular (?:posts|stories|articles)|further reading|latest (?:news|stories|posts|articles)|what to read next|keep reading|don[’']?t miss)[\s:.!]*$/i;

/**
 * Newsletter pitches: a short block with a call to action and a mention of
 * what is delivered (a "sign up … subscription" alone is how articles about
 * streaming services talk).
 */
export const NEWSLETTER_ACTION =
  /\b(?:sign(?:ing)? ?up|subscribe|delivered|receive (?:our|the|a)|get (?:our|the) \w+ (?:newsletter|email))\b/i;
export const NEWSLETTER_OBJECT =
  /\b(?:newsletters?|inbox(?:es)?|email address|daily (?:email|digest|briefing)|e-?mail updates?)\b/i;

/** Cookie-consent notices that leak into the page body. */
export const COOKIE_NOTICE =
  /\b(?:this (?:web ?)?site|we|our (?:site|website))\b[^.]{0,60}\b(?:uses?|using)\b[^.]{0,40}\bcookies\b|\bcookies?\b[^.]{0,80}\b(?:consent|accept(?: all)?|opt[ -]out|cookie (?:policy|settings)|improve your (?:browsing )?experience)\b|\bby (?:continuing|using)\b[^.]{0,80}\bcookies\b/i;

/** "5 min read", "Reading time: 3 minutes" and the same label in a few other languages. */
export const READING_TIME_LINE =
  /^(?:\d+\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|de lectura|de leitura|Lesezeit)|(?:estimated )?reading time|read(?:ing)? time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|tempo di lettura|leestijd)\b[\s\S]{0,30}$/i;

/** Copyright and legal footers. */
export const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b/i;

/**
 * Words that may make up a dateline or byline ("By Jane Doe | Updated 10:41 AM
 * EST, Nov. 19, 2019"); a short block made only of these, digits, and the
 * author's name is metadata the reader shows in its header.
 */
export const DATELINE_WORDS =
  /^(?:by|and|updated?|published|posted|first|last|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|[ecmp][sd]t|bst|cet|cest|ist|jst|aest|et|pt|ago|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|today|yesterday|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|read|reading|time|min|staff|writer|reporter|editor|correspondent|contributor|senior|associated|press|reuters|afp|ap|updated:|published:|\d+(?:st|nd|rd|th)?)$/i;

/** Social networks, for "Follow us on …" lines. */
export const SOCIAL_NETWORK =
  /\b(?:twitter|facebook|instagram|youtube|linkedin|tiktok|pinterest|mastodon|threads|bluesky|telegram|whatsapp|flipboard|rss)\b/i;

/** Lines that credit the newsroom rather than tell the story (news-agency convention). */
export const CREDIT_LINE =
  /^[([]?(?:source|sources)\s*:|^[([]?(?:(?:additional |editing |writing )?reporting|writing|editing|edited|compiled|produced|research|graphics|photos?|video) by\b|\b(?:contributed (?:reporting|to this (?:report|story|article))|can be reached at|may be reached at|reach (?:him|her|them) at|have a (?:news )?tip\b|send (?:us )?a tip\b)/i;

/** Job words of a short author biography ("Jane Doe is a reporter for …"). */
export const BIO_CUES =
  /\b(?:reporter|writer|editor|journalist|correspondent|columnist|author|contributor|freelance|freelancer|blogger|producer|curator|native|lives in|based in|covers|graduate|fellow)\b/i;
