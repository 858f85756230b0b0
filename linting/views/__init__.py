"""Admin views of the linting app: the ArticlePage editor with its Content quality panel
(:mod:`.editor`), accepting a finding (:mod:`.accept`) and the Content quality report
(:mod:`.reports`)."""
