from samizdat import jobs

from . import sending


@jobs.register("newsletter-send", interval=1)
def send_newsletter():
    sending.send_due()
