"""Fixture articles for the core rule tests, written for these tests (seed-like shapes, own words)."""

from linting.core.config import Config
from linting.core.engine import lint_document
from linting.sources.txt import parse_txt

SEED_LIKE = """Trusted by over 2 Million Wellness Travellers
Health Journeys

Hip Arthritis Care: Portugal's Rise in Cell Therapy

Health Journeys

Hip arthritis is a wear-and-tear condition of the hip joint that causes pain and stiffness. This article looks at treatment options, rules and clinics in Portugal.

What Is Hip Arthritis

Hip arthritis is a condition in which the cartilage of the hip joint thins over time. Pain is usually worse after activity.

Clinics and Approaches

Portugal is home to renowned clinics offering cutting-edge cell therapy for hip pain.

Encouraging results from early trials have shown less pain and better movement for patients who received cell injections.

For readers who want to know more about cell treatment for hip arthritis, please visit To get a free quote for possible treatments, access the link Start your journey towards a pain-free hip today.

Disclaimer: The material in Health Journeys Weekly ( is for general information only and is not a substitute for professional medical advice. Always ask your doctor about any questions you have regarding a medical condition.
"""

CITED = """Shingles Vaccine: What You Should Know

The shingles vaccine lowers the chance of getting shingles by about 90% in adults over 50. [1] Most adults who had chickenpox carry the virus. [2]

How the vaccine is given

The vaccine is given as two injections into the upper arm, two to six months apart.

Side effects

A sore arm and tiredness for a day or two are common. Fever can occur in about 1 in 10 people. [1]

In a 2016 trial in The New England Journal of Medicine, the vaccine prevented shingles in 9 out of 10 older adults (doi:10.1056/NEJMoa0000000). In that trial, protection stayed high for at least four years.

Researchers are still working out how long protection lasts beyond ten years.

Disclaimer: This leaflet is not a substitute for advice from your doctor. Please speak to your GP or pharmacist if you have questions.

References

[1] Example Health Agency. Shingles vaccine safety review. 2022. https://health.example/shingles
[2] Example Survey Unit. Varicella antibody survey. 2019.
"""


def lint(text: str, config: Config | None = None, path: str = "fixture.txt"):
    return lint_document(parse_txt(text, path), config or Config())


def findings(text: str, rule: str, config: Config | None = None):
    return [f for f in lint(text, config).findings if f.rule == rule]


def article(body: str, title: str = "Test Article: A Treatment Guide") -> str:
    """Wrap body paragraphs into a minimal .txt article."""
    return f"{title}\n\n{body.strip()}\n"
