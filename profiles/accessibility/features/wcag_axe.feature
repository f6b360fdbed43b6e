@doc:accessibility @needs:browser
Feature: WCAG 2.1 Level A and AA success criteria that axe-core tests
  Every page a visitor meets on the documented flows of the document under test (the flows it declares
  in its own package, profiles/accessibility/support.py) is scanned with axe-core at the WCAG 2.1 A and AA tags, one success
  criterion per rule, quoted from the W3C Recommendation. A violation axe-core reports fails the
  criterion, naming the page, the element and axe-core's message; elements axe-core cannot decide
  ("needs review") make the criterion REVIEW, listed for a person. Quotes in [brackets] summarise the
  lists a criterion's text goes on with.

  @rule:A11Y-01
  Rule: WCAG 2.1 SC 1.1.1 Non-text Content (Level A)
    «All non-text content that is presented to the user has a text alternative that serves the
    equivalent purpose, except for the situations listed below. [controls, time-based media, tests,
    sensory, CAPTCHA, decoration]»

    Scenario: The pages of the documented flows meet criterion 1.1.1
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 1.1.1
      Then axe-core finds no violation of criterion 1.1.1

  @rule:A11Y-02
  Rule: WCAG 2.1 SC 1.3.1 Info and Relationships (Level A)
    «Information, structure, and relationships conveyed through presentation can be programmatically
    determined or are available in text.»

    Scenario: The pages of the documented flows meet criterion 1.3.1
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 1.3.1
      Then axe-core finds no violation of criterion 1.3.1

  @rule:A11Y-03
  Rule: WCAG 2.1 SC 1.3.5 Identify Input Purpose (Level AA)
    «The purpose of each input field collecting information about the user can be programmatically
    determined when: The input field serves a purpose identified in the Input Purposes for User
    Interface Components section; and The content is implemented using technologies with support for
    identifying the expected meaning for form input data.»

    Scenario: The pages of the documented flows meet criterion 1.3.5
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 1.3.5
      Then axe-core finds no violation of criterion 1.3.5

  @rule:A11Y-04
  Rule: WCAG 2.1 SC 1.4.1 Use of Color (Level A)
    «Color is not used as the only visual means of conveying information, indicating an action,
    prompting a response, or distinguishing a visual element.»

    Scenario: The pages of the documented flows meet criterion 1.4.1
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 1.4.1
      Then axe-core finds no violation of criterion 1.4.1

  @rule:A11Y-05
  Rule: WCAG 2.1 SC 1.4.3 Contrast (Minimum) (Level AA)
    «The visual presentation of text and images of text has a contrast ratio of at least 4.5:1, except
    for the following: [large text, incidental text, logotypes]»

    Scenario: The pages of the documented flows meet criterion 1.4.3
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 1.4.3
      Then axe-core finds no violation of criterion 1.4.3

  @rule:A11Y-06
  Rule: WCAG 2.1 SC 1.4.4 Resize text (Level AA)
    «Except for captions and images of text, text can be resized without assistive technology up to 200
    percent without loss of content or functionality.»

    Scenario: The pages of the documented flows meet criterion 1.4.4
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 1.4.4
      Then axe-core finds no violation of criterion 1.4.4

  @rule:A11Y-07
  Rule: WCAG 2.1 SC 2.1.1 Keyboard (Level A)
    «All functionality of the content is operable through a keyboard interface without requiring
    specific timings for individual keystrokes, except where the underlying function requires input that
    depends on the path of the user's movement and not just the endpoints.»
    axe-core tests part of it (scrollable regions, frames, server-side image maps); the keyboard walk
    tests the rest that matters to the guides: each documented flow, done with the keyboard alone.

    Scenario: The pages of the documented flows meet criterion 2.1.1
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 2.1.1
      Then axe-core finds no violation of criterion 2.1.1

    Scenario: Each documented flow is completed with the keyboard alone
      Given the documented flows of the document under test
      When a visitor goes through them with the keyboard alone
      Then every flow was completed with the keyboard alone

  @rule:A11Y-08
  Rule: WCAG 2.1 SC 2.2.1 Timing Adjustable (Level A)
    «For each time limit that is set by the content, at least one of the following is true: [turn off,
    adjust, extend, real-time exception, essential exception, 20 hour exception]»

    Scenario: The pages of the documented flows meet criterion 2.2.1
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 2.2.1
      Then axe-core finds no violation of criterion 2.2.1

  @rule:A11Y-09
  Rule: WCAG 2.1 SC 2.2.2 Pause, Stop, Hide (Level A)
    «For moving, blinking, scrolling, or auto-updating information, all of the following are true:
    [moving, blinking, scrolling; auto-updating]»

    Scenario: The pages of the documented flows meet criterion 2.2.2
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 2.2.2
      Then axe-core finds no violation of criterion 2.2.2

  @rule:A11Y-10
  Rule: WCAG 2.1 SC 2.4.2 Page Titled (Level A)
    «Web pages have titles that describe topic or purpose.»

    Scenario: The pages of the documented flows meet criterion 2.4.2
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 2.4.2
      Then axe-core finds no violation of criterion 2.4.2

  @rule:A11Y-11
  Rule: WCAG 2.1 SC 2.4.4 Link Purpose (In Context) (Level A)
    «The purpose of each link can be determined from the link text alone or from the link text together
    with its programmatically determined link context, except where the purpose of the link would be
    ambiguous to users in general.»

    Scenario: The pages of the documented flows meet criterion 2.4.4
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 2.4.4
      Then axe-core finds no violation of criterion 2.4.4

  @rule:A11Y-12
  Rule: WCAG 2.1 SC 3.1.1 Language of Page (Level A)
    «The default human language of each Web page can be programmatically determined.»

    Scenario: The pages of the documented flows meet criterion 3.1.1
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 3.1.1
      Then axe-core finds no violation of criterion 3.1.1

  @rule:A11Y-13
  Rule: WCAG 2.1 SC 3.1.2 Language of Parts (Level AA)
    «The human language of each passage or phrase in the content can be programmatically determined
    except for proper names, technical terms, words of indeterminate language, and words or phrases that
    have become part of the vernacular of the immediately surrounding text.»

    Scenario: The pages of the documented flows meet criterion 3.1.2
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 3.1.2
      Then axe-core finds no violation of criterion 3.1.2

  @rule:A11Y-14
  Rule: WCAG 2.1 SC 4.1.2 Name, Role, Value (Level A)
    «For all user interface components (including but not limited to: form elements, links and
    components generated by scripts), the name and role can be programmatically determined; states,
    properties, and values that can be set by the user can be programmatically set; and notification of
    changes to these items is available to user agents, including assistive technologies.»

    Scenario: The pages of the documented flows meet criterion 4.1.2
      Given the documented flows of the document under test
      When a visitor goes through them, each page scanned by axe-core for criterion 4.1.2
      Then axe-core finds no violation of criterion 4.1.2
